/**
 * TC3 as the official SDKs sign it (provider/emulator/tc3Leniency.ts): the Node SDK's credential
 * scope names the Host's first label and its signature covers the host without the port; both
 * are accepted, while the real checks (key, body, content type, timestamp, other services and
 * hosts) still refuse.
 */
import { type RunningEmulator, startEmulator } from "../../provider/emulator";
import { acceptedServices, signedHostForms } from "../../provider/emulator/tc3Leniency";
import { callV3, virtualClock } from "./signedRequests";

const clock = virtualClock();
let emu: RunningEmulator;
let hostname: string;
const code = async (options: Parameters<typeof callV3>[2]) => {
  const response = (await callV3(emu.url, clock.now(), { taskId: 1, ...options })).json.Response;
  return response.Error?.Code ?? response.Status;
};

beforeEach(async () => {
  emu = await startEmulator({ clock: clock.now, tasks: [{ requestId: 1, timeline: [{ status: 2 }] }] });
  hostname = new URL(emu.url).hostname;
});
afterEach(() => emu.close());

describe("the pure rules", () => {
  it("accepts redis or the Host's first label as the service", () => {
    expect(acceptedServices("127.0.0.1:8080")).toEqual(["redis", "127"]);
    expect(acceptedServices("redis.tencentcloudapi.com")).toEqual(["redis"]);
    expect(acceptedServices("localhost:9")).toEqual(["redis", "localhost"]);
  });

  it("accepts the Host with and without its port", () => {
    expect(signedHostForms("127.0.0.1:8080")).toEqual(["127.0.0.1:8080", "127.0.0.1"]);
    expect(signedHostForms("redis.tencentcloudapi.com")).toEqual(["redis.tencentcloudapi.com"]);
  });
});

describe("requests signed as the SDKs sign them", () => {
  it.each([
    ["the product's service and the Host with its port (Python, Go)", {}],
    ["the Host's first label as the service (Node)", { service: "127" }],
    ["the host without its port (Node)", { signHostWithoutPort: true }],
    ["both, with a content type without charset (Node)", { service: "127", signHostWithoutPort: true, contentType: "application/json" }],
  ])("accepts %s", async (_name, variant: { service?: string; signHostWithoutPort?: boolean; contentType?: string }) => {
    expect(await code({ service: variant.service, contentType: variant.contentType, signHost: variant.signHostWithoutPort ? hostname : undefined })).toBe("succeed");
  });

  it.each([
    ["a service that is neither", { service: "cvm" }, "AuthFailure.SignatureFailure"],
    ["a host that is neither", { service: "127", signHost: "128.0.0.1" }, "AuthFailure.SignatureFailure"],
    ["a wrong key", { service: "127", secretKey: "x".repeat(32) }, "AuthFailure.SignatureFailure"],
    ["a tampered body", { service: "127", sentBody: JSON.stringify({ TaskId: 2 }) }, "AuthFailure.SignatureFailure"],
    ["a content type other than the signed one", { service: "127", contentType: "application/json", sentContentType: "application/json; charset=utf-8" }, "AuthFailure.SignatureFailure"],
    ["an expired timestamp", { service: "127", timestamp: Math.floor(clock.now() / 1000) - 301 }, "AuthFailure.SignatureExpire"],
  ])("still refuses %s", async (_name, options: Parameters<typeof callV3>[2] & object, expected) => {
    expect(await code({ ...options, signHost: options.signHost ?? hostname })).toBe(expected);
  });
});

describe("answers", () => {
  it("are `application/json` without a charset, as Tencent's endpoints send them (the Python SDK reads errors only from those)", async () => {
    const reply = await callV3(emu.url, clock.now(), { taskId: 404 });
    expect(reply.contentType).toBe("application/json");
    expect(reply.json.Response.Error.Code).toBe("InvalidParameter.InvalidParameter");
  });
});
