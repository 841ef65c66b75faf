/** API 3.0 through real HTTP: statuses, the Response fields, and every rejection. */
import { signTc3 } from "../../provider/api/signV3";
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY, type RunningEmulator, startEmulator } from "../../provider/emulator";
import { UUID, callV3, jsonOf, virtualClock } from "./signedRequests";

const clock = virtualClock(Date.parse("2024-05-01T08:00:00Z"));
let emu: RunningEmulator;
const call = (options: Parameters<typeof callV3>[2] = {}) => callV3(emu.url, clock.now(), options);

beforeAll(async () => {
  emu = await startEmulator({
    clock: clock.now,
    tasks: [-1, 0, 1, 2, 3].map((status) => ({
      requestId: 700 + status,
      timeline: [{ status: status as -1 | 0 | 1 | 2 | 3 }],
      taskType: "FLOW_RESIZE",
      instanceId: `crs-test000${status + 1}`,
      taskMessage: `message of task ${700 + status}`,
    })),
  });
});
afterAll(() => emu.close());

describe("API 3.0 answers", () => {
  it.each([
    [-1, "error"],
    [0, "preparing"],
    [1, "running"],
    [2, "succeed"],
    [3, "failed"],
  ])("reports status %i as %s", async (status, text) => {
    const reply = await call({ taskId: 700 + status });
    expect(reply.status).toBe(200);
    expect(reply.json.Response.Status).toBe(text);
    expect(reply.json.Response.Error).toBeUndefined();
  });

  it("answers every documented field; StartTime is the first query in Beijing time and does not move", async () => {
    const first = await call({ taskId: 703 });
    expect(first.json).toEqual({
      Response: {
        Status: "failed",
        // 08:00 UTC is 16:00 in Beijing (UTC+8).
        StartTime: "2024-05-01 16:00:00",
        TaskType: "FLOW_RESIZE",
        InstanceId: "crs-test0004",
        TaskMessage: "message of task 703",
        RequestId: expect.stringMatching(UUID),
      },
    });
    clock.advance(60_000);
    const later = await call({ taskId: 703 });
    expect(later.json.Response.StartTime).toBe("2024-05-01 16:00:00");
    expect(later.json.Response.RequestId).not.toBe(first.json.Response.RequestId);
  });

  it("shows TaskMessage only for failed and error tasks", async () => {
    expect((await call({ taskId: 699 })).json.Response.TaskMessage).toBe("message of task 699");
    expect((await call({ taskId: 701 })).json.Response.TaskMessage).toBe("");
    expect((await call({ taskId: 702 })).json.Response.TaskMessage).toBe("");
  });

  it("accepts X-TC-Token and timestamps 299 s off either way", async () => {
    const now = Math.floor(clock.now() / 1000);
    expect((await call({ taskId: 702, token: "tmp-token" })).json.Response.Status).toBe("succeed");
    expect((await call({ taskId: 702, timestamp: now - 299 })).json.Response.Status).toBe("succeed");
    expect((await call({ taskId: 702, timestamp: now + 299 })).json.Response.Status).toBe("succeed");
  });
});

describe("API 3.0 rejections", () => {
  const now = () => Math.floor(clock.now() / 1000);
  const cases: [string, () => Parameters<typeof callV3>[2], string][] = [
    ["a signature made with another key", () => ({ secretKey: "not-the-key" }), "AuthFailure.SignatureFailure"],
    ["a signature for another host", () => ({ signHost: "redis.tencentcloudapi.com" }), "AuthFailure.SignatureFailure"],
    ["a body changed after signing", () => ({ sentBody: JSON.stringify({ TaskId: 703 }) }), "AuthFailure.SignatureFailure"],
    ["a Content-Type changed after signing", () => ({ sentContentType: "application/json" }), "AuthFailure.SignatureFailure"],
    ["an unknown SecretId", () => ({ secretId: "AKIDunknown" }), "AuthFailure.SecretIdNotFound"],
    ["a timestamp 301 s in the past", () => ({ timestamp: now() - 301 }), "AuthFailure.SignatureExpire"],
    ["a timestamp 301 s in the future", () => ({ timestamp: now() + 301 }), "AuthFailure.SignatureExpire"],
    ["a malformed Authorization", () => ({ headers: { Authorization: "Bearer abc" } }), "AuthFailure.InvalidAuthorization"],
    ["another action", () => ({ headers: { "X-TC-Action": "DescribeInstances" } }), "InvalidAction"],
    ["another version", () => ({ headers: { "X-TC-Version": "2017-12-01" } }), "NoSuchVersion"],
    ["no X-TC-Region", () => ({ headers: { "X-TC-Region": undefined } }), "MissingParameter"],
    ["no X-TC-Timestamp", () => ({ headers: { "X-TC-Timestamp": undefined } }), "MissingParameter"],
    ["no TaskId", () => ({ body: "{}" }), "MissingParameter"],
    ["a non-integer TaskId", () => ({ taskId: "abc" }), "InvalidParameterValue"],
    ["a body that is not JSON", () => ({ body: "TaskId=1" }), "InvalidParameter"],
    ["an unknown task", () => ({ taskId: 999 }), "InvalidParameter.InvalidParameter"],
  ];

  it.each(cases)("rejects %s", async (_name, options, code) => {
    const reply = await call(options());
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ Response: { Error: { Code: code, Message: expect.any(String) }, RequestId: expect.stringMatching(UUID) } });
    expect(reply.json.Response.Error.Message.length).toBeGreaterThan(0);
  });

  it("rejects a credential scope whose date is not the timestamp's UTC date", async () => {
    // Sign at 23:59:50 UTC one day, claim a timestamp 20 s later (the next UTC day): the scope date no longer matches.
    const base = Date.UTC(2024, 4, 1, 23, 59, 50);
    clock.set(base);
    const reply = await fetchWithScopeDate(base / 1000, base / 1000 + 20);
    expect(reply.Response.Error.Code).toBe("AuthFailure.SignatureFailure");
    clock.set(Date.parse("2024-05-01T08:10:00Z"));
  });

  async function fetchWithScopeDate(signedAt: number, sentAt: number) {
    const [id, key] = [DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY];
    const body = JSON.stringify({ TaskId: 702 });
    const contentType = "application/json";
    const signed = signTc3({ secretId: id, secretKey: key, service: "redis", host: new URL(emu.url).host, timestamp: signedAt, contentType, body });
    // Re-sign the same request for the new timestamp but keep the old scope date in the header.
    const resigned = signTc3({ secretId: id, secretKey: key, service: "redis", host: new URL(emu.url).host, timestamp: sentAt, contentType, body });
    const authorization = signed.authorization.replace(signed.signature, resigned.signature);
    const response = await fetch(`${emu.url}/`, {
      method: "POST",
      headers: {
        "Content-Type": contentType,
        Authorization: authorization,
        "X-TC-Action": "DescribeTaskInfo",
        "X-TC-Version": "2018-04-12",
        "X-TC-Timestamp": String(sentAt),
        "X-TC-Region": "ap-guangzhou",
      },
      body,
    });
    return jsonOf(response);
  }
});
