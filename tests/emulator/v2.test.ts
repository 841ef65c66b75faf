/** API 2.0 through real HTTP: statuses, GET and POST, signature methods, and every rejection. */
import { type RunningEmulator, startEmulator } from "../../provider/emulator";
import { callV2, virtualClock } from "./signedRequests";

const clock = virtualClock();
let emu: RunningEmulator;
const call = (options: Parameters<typeof callV2>[2] = {}) => callV2(emu.url, clock.now(), options);

beforeAll(async () => {
  emu = await startEmulator({
    clock: clock.now,
    tasks: [-1, 0, 1, 2, 3].map((status) => ({ requestId: 500 + status, timeline: [{ status: status as -1 | 0 | 1 | 2 | 3 }] })),
  });
});
afterAll(() => emu.close());

describe("API 2.0 answers", () => {
  it.each([-1, 0, 1, 2, 3])("reports status %i in data.status over GET", async (status) => {
    const reply = await call({ requestId: 500 + status });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ code: 0, message: "", codeDesc: "Success", data: { status } });
  });

  it("answers a POST with a form body", async () => {
    const reply = await call({ method: "POST", requestId: 503 });
    expect(reply.json).toEqual({ code: 0, message: "", codeDesc: "Success", data: { status: 3 } });
  });

  it("verifies HmacSHA1 signatures", async () => {
    expect((await call({ requestId: 502, signatureMethod: "HmacSHA1" })).json.code).toBe(0);
    expect((await call({ method: "POST", requestId: 502, signatureMethod: "HmacSHA1" })).json.code).toBe(0);
  });

  it("uses HmacSHA1 when SignatureMethod is absent", async () => {
    expect((await call({ requestId: 502, params: { SignatureMethod: undefined } })).json.code).toBe(0);
  });

  it("accepts a signed Token (temporary credentials)", async () => {
    expect((await call({ requestId: 502, params: { Token: "tmp-token-value" } })).json.code).toBe(0);
  });

  it("accepts a timestamp 299 s off in either direction", async () => {
    const now = Math.floor(clock.now() / 1000);
    expect((await call({ requestId: 502, timestamp: now - 299 })).json.code).toBe(0);
    expect((await call({ requestId: 502, timestamp: now + 299 })).json.code).toBe(0);
  });
});

describe("API 2.0 rejections (HTTP 200, code in the body)", () => {
  const now = () => Math.floor(clock.now() / 1000);
  const cases: [string, () => Parameters<typeof callV2>[2], number, string][] = [
    ["a signature made with another key", () => ({ secretKey: "not-the-key" }), 4100, "AuthFailure.SignatureFailure"],
    ["a signature for another host", () => ({ signHost: "redis.api.qcloud.com" }), 4100, "AuthFailure.SignatureFailure"],
    ["a parameter changed after signing", () => ({ requestId: 502, after: { requestId: "503" } }), 4100, "AuthFailure.SignatureFailure"],
    ["a POST signature sent as GET", () => ({ method: "POST", sendAs: "GET" }), 4100, "AuthFailure.SignatureFailure"],
    ["an unknown SecretId", () => ({ secretId: "AKIDunknown" }), 4100, "AuthFailure.SecretIdNotFound"],
    ["a timestamp 301 s in the past", () => ({ timestamp: now() - 301 }), 4200, "AuthFailure.SignatureExpire"],
    ["a timestamp 301 s in the future", () => ({ timestamp: now() + 301 }), 4200, "AuthFailure.SignatureExpire"],
    ["another Action", () => ({ params: { Action: "DescribeInstances" } }), 4000, "InvalidAction"],
    ["no requestId", () => ({ params: { requestId: undefined } }), 4000, "InvalidParameter"],
    ["a non-integer requestId", () => ({ requestId: "12.5" }), 4000, "InvalidParameter"],
    ["a non-numeric requestId", () => ({ requestId: "abc" }), 4000, "InvalidParameter"],
    ["an unknown task", () => ({ requestId: 999 }), 11201, "InvalidParameter"],
    ["no Nonce", () => ({ params: { Nonce: undefined } }), 4000, "MissingParameter"],
    ["no Signature", () => ({ after: { Signature: undefined } }), 4000, "MissingParameter"],
  ];

  it.each(cases)("rejects %s", async (_name, options, code, codeDesc) => {
    const reply = await call(options());
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ code, codeDesc });
    expect(typeof reply.json.message).toBe("string");
    expect(reply.json.message.length).toBeGreaterThan(0);
    expect(reply.json.data).toBeUndefined();
  });
});
