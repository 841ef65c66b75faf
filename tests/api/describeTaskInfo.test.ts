/**
 * describeTaskInfo over real HTTP with the default (axios, keep-alive) transport: against the
 * emulator for every status and error class, and against tiny local servers for answers the
 * emulator never gives (crafted bodies, silence, closed ports).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "http";
import { createServer as createNetServer, type AddressInfo, type Socket } from "net";
import { describeTaskInfo, type CallOptions } from "../../provider/api/describeTaskInfo";
import type { ApiVersion, ClientSettings, TaskRecord } from "../../provider/api/types";
import { type RunningEmulator, startEmulator } from "../../provider/emulator";
import { taskApiFailure as failure } from "../support/taskApiFailure";
import { emulatorSettings, SECRET_KEY } from "../support/emulatorEnv";

const NOW = Date.parse("2024-05-01T08:00:00Z");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const versions: ApiVersion[] = ["v2", "v3"];

const statuses = [
  { requestId: 101, status: -1, statusText: "Error", v3: "error", taskMessage: "backend node unreachable" },
  { requestId: 102, status: 0, statusText: "Waiting", v3: "preparing", taskMessage: "" },
  { requestId: 103, status: 1, statusText: "Executing", v3: "running", taskMessage: "" },
  { requestId: 104, status: 2, statusText: "Succeeded", v3: "succeed", taskMessage: "" },
  { requestId: 105, status: 3, statusText: "Failed", v3: "failed", taskMessage: "resize failed: insufficient capacity" },
] as const;

let emu: RunningEmulator;
const at = (): CallOptions => ({ now: () => NOW });

beforeAll(async () => {
  emu = await startEmulator({
    clock: () => NOW,
    tasks: statuses.map((s) => ({
      requestId: s.requestId,
      taskType: "FLOW_RESIZE",
      instanceId: `crs-${s.requestId}`,
      // The emulator reports the message only for failure statuses; set it on all to check that.
      taskMessage: "resize failed: insufficient capacity",
      timeline: [{ status: s.status }],
    })),
  });
  emu.addTask({ requestId: 101, taskType: "FLOW_RESIZE", instanceId: "crs-101", taskMessage: "backend node unreachable", timeline: [{ status: -1 }] });
});
afterAll(() => emu.close());
afterEach(() => emu.setFaults({}));

describe.each(versions)("statuses over %s", (apiVersion) => {
  it.each(statuses)("reads status $status ($statusText)", async (s) => {
    const record = await describeTaskInfo(s.requestId, emulatorSettings(emu.url, apiVersion), at());
    const common = { requestId: s.requestId, status: s.status, statusText: s.statusText, code: 0, message: "", codeDesc: "Success" };
    if (apiVersion === "v2") {
      expect(record).toEqual(common);
    } else {
      expect(record).toEqual<TaskRecord>({
        ...common,
        apiRequestId: expect.stringMatching(UUID),
        taskType: "FLOW_RESIZE",
        instanceId: `crs-${s.requestId}`,
        // Beijing time (UTC+8) of the first query, as the service writes it.
        startTime: "2024-05-01 16:00:00",
        taskMessage: s.taskMessage,
      });
    }
  });
});

describe("signing variants accepted by the emulator", () => {
  it("HmacSHA1 over v2", async () => {
    const record = await describeTaskInfo(104, { ...emulatorSettings(emu.url, "v2"), signatureMethod: "HmacSHA1" }, at());
    expect(record.status).toBe(2);
  });

  it.each(versions)("a temporary-credential token over %s", async (apiVersion) => {
    const record = await describeTaskInfo(104, { ...emulatorSettings(emu.url, apiVersion), token: "temporary/token+=" }, at());
    expect(record.statusText).toBe("Succeeded");
  });
});

describe.each(versions)("API errors over %s", (apiVersion) => {
  const settings = (): ClientSettings => emulatorSettings(emu.url, apiVersion);

  it("unknown task: 11201 / InvalidParameter.InvalidParameter, not retryable, hint names requestId", async () => {
    const error = await failure(describeTaskInfo(999, settings(), at()));
    expect(error).toMatchObject({ kind: "api", requestId: 999, apiVersion, retryable: false });
    expect(error.code).toBe(apiVersion === "v2" ? 11201 : "InvalidParameter.InvalidParameter");
    if (apiVersion === "v2") expect(error.codeDesc).toBe("InvalidParameter");
    else expect(error.apiRequestId).toMatch(UUID);
    expect(error.hint).toContain("requestId");
    expect(error.message).toContain("Redis task 999");
    expect(error.message).toContain(String(error.code));
    expect(error.message).toContain("requestId");
  });

  it("wrong secret key: 4100 / AuthFailure.SignatureFailure, hint names config keys and env vars, key not echoed", async () => {
    const wrongKey = "WrongSecretKeyWrongSecretKey0000";
    const error = await failure(describeTaskInfo(104, { ...settings(), secretKey: wrongKey }, at()));
    expect(error).toMatchObject({ kind: "api", requestId: 104, retryable: false });
    if (apiVersion === "v2") expect(error).toMatchObject({ code: 4100, codeDesc: "AuthFailure.SignatureFailure" });
    else expect(error.code).toBe("AuthFailure.SignatureFailure");
    for (const name of ["tencentcloud:secretId", "tencentcloud:secretKey", "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"]) {
      expect(error.message).toContain(name);
    }
    expect(error.message).not.toContain(wrongKey);
    expect(error.message).not.toContain(SECRET_KEY);
  });

  it("unknown SecretId: AuthFailure.SecretIdNotFound, not retryable", async () => {
    const error = await failure(describeTaskInfo(104, { ...settings(), secretId: "AKIDunknownunknownunknownunknown0000" }, at()));
    expect(error).toMatchObject({ kind: "api", retryable: false });
    if (apiVersion === "v2") expect(error).toMatchObject({ code: 4100, codeDesc: "AuthFailure.SecretIdNotFound" });
    else expect(error.code).toBe("AuthFailure.SecretIdNotFound");
    expect(error.message).toContain("AuthFailure.SecretIdNotFound");
  });

  it("clock 10 minutes off: 4200 / AuthFailure.SignatureExpire, the message blames the clock", async () => {
    for (const skew of [10 * 60_000, -10 * 60_000]) {
      const error = await failure(describeTaskInfo(104, settings(), { now: () => NOW + skew }));
      expect(error).toMatchObject({ kind: "api", retryable: false });
      if (apiVersion === "v2") expect(error).toMatchObject({ code: 4200, codeDesc: "AuthFailure.SignatureExpire" });
      else expect(error.code).toBe("AuthFailure.SignatureExpire");
      expect(error.message).toMatch(/clock/i);
      expect(error.message).toContain("5 minutes");
    }
  });

  it("rate limit: 4400 / RequestLimitExceeded, retryable", async () => {
    emu.setFaults({ rateLimitPerSecond: 1 });
    // The emulator's clock stands still: the bucket's one token goes to the first call.
    await describeTaskInfo(104, settings(), at());
    const error = await failure(describeTaskInfo(104, settings(), at()));
    expect(error).toMatchObject({ kind: "api", retryable: true });
    if (apiVersion === "v2") expect(error).toMatchObject({ code: 4400, codeDesc: "RequestLimitExceeded" });
    else expect(error.code).toBe("RequestLimitExceeded");
  });

  it("internal error: 6000 / InternalError, retryable", async () => {
    emu.setFaults({ failureRate: 1, failureKinds: ["internal"] });
    const error = await failure(describeTaskInfo(104, settings(), at()));
    expect(error).toMatchObject({ kind: "api", retryable: true });
    if (apiVersion === "v2") expect(error).toMatchObject({ code: 6000, codeDesc: "InternalError" });
    else expect(error.code).toBe("InternalError");
  });

  it("HTTP 502 page: malformed, retryable, names the task and quotes the HTML", async () => {
    emu.setFaults({ failureRate: 1, failureKinds: ["http502"] });
    const error = await failure(describeTaskInfo(104, settings(), at()));
    expect(error).toMatchObject({ kind: "malformed", requestId: 104, httpStatus: 502, retryable: true });
    expect(error.message).toContain("Redis task 104");
    expect(error.message).toContain("HTTP 502");
    expect(error.message).toContain("<title>502 Bad Gateway</title>");
  });

  it("a body that is not JSON: malformed, retryable", async () => {
    emu.setFaults({ failureRate: 1, failureKinds: ["malformed"] });
    const error = await failure(describeTaskInfo(104, settings(), at()));
    expect(error).toMatchObject({ kind: "malformed", requestId: 104, httpStatus: 200, retryable: true });
    expect(error.message).toContain("not JSON");
    expect(error.message).toContain("<html>not json");
  });

  it("connection reset mid-answer: transport, retryable, names the task and the endpoint", async () => {
    emu.setFaults({ failureRate: 1, failureKinds: ["reset"] });
    const error = await failure(describeTaskInfo(104, settings(), at()));
    expect(error).toMatchObject({ kind: "transport", requestId: 104, retryable: true });
    expect(error.code).toEqual(expect.any(String));
    expect(error.message).toContain("Redis task 104");
    expect(error.message).toContain(emu.url);
  });

  // axios reports a reset after the headers as ERR_BAD_RESPONSE; Transport promises Node's code.
  it("connection reset mid-answer carries Node's code ECONNRESET", async () => {
    emu.setFaults({ failureRate: 1, failureKinds: ["reset"] });
    const error = await failure(describeTaskInfo(104, settings(), at()));
    expect(error.code).toBe("ECONNRESET");
  });
});

/** Starts a server on 127.0.0.1 and returns its base URL. */
async function listen(server: Server | ReturnType<typeof createNetServer>): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("transport failures", () => {
  it.each(versions)("connection refused over %s: transport ECONNREFUSED, retryable", async (apiVersion) => {
    const server = createNetServer();
    const url = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    const error = await failure(describeTaskInfo(104, emulatorSettings(url, apiVersion), at()));
    expect(error).toMatchObject({ kind: "transport", code: "ECONNREFUSED", requestId: 104, retryable: true, retryForMs: 20_000 });
    expect(error.message).toContain(url);
    expect(error.hint).toBe(`Check the endpoint and the network: nothing answers at ${url} (apiVersion ${apiVersion}); a wait retries this for 20s, then gives up`);
  });

  it.each(versions)("no such host over %s: probably permanent, naming the endpoint and apiVersion", async (apiVersion) => {
    const endpoint = "https://redis.example.invalid";
    const dnsFailure = Object.assign(new Error("getaddrinfo ENOTFOUND redis.example.invalid"), { code: "ENOTFOUND" });
    const error = await failure(describeTaskInfo(104, emulatorSettings(endpoint, apiVersion), { ...at(), transport: () => Promise.reject(dnsFailure) }));
    expect(error).toMatchObject({ kind: "transport", code: "ENOTFOUND", retryable: true, retryForMs: 20_000 });
    expect(error.message).toContain(`no such host for ${endpoint} (apiVersion ${apiVersion})`);
  });

  it("a reset stays retryable until the deadline (no retryForMs)", async () => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    const error = await failure(describeTaskInfo(104, emulatorSettings("http://127.0.0.1:1", "v2"), { ...at(), transport: () => Promise.reject(reset) }));
    expect(error).toMatchObject({ retryable: true, retryForMs: undefined });
  });

  it.each(versions)("a server that never answers over %s: ETIMEDOUT after requestTimeoutMs", async (apiVersion) => {
    const sockets: Socket[] = [];
    const server = createNetServer((socket) => sockets.push(socket));
    const url = await listen(server);
    try {
      const started = Date.now();
      const error = await failure(describeTaskInfo(104, { ...emulatorSettings(url, apiVersion), requestTimeoutMs: 300 }, at()));
      const elapsed = Date.now() - started;
      expect(error).toMatchObject({ kind: "transport", code: "ETIMEDOUT", requestId: 104, retryable: true });
      expect(error.message).toContain("300 ms");
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(1000);
      expect(sockets.length).toBeGreaterThanOrEqual(1);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each(versions)("a connection reset before any answer over %s: transport ECONNRESET, retryable", async (apiVersion) => {
    const server = createNetServer((socket) => socket.once("data", () => socket.resetAndDestroy()));
    const url = await listen(server);
    try {
      const error = await failure(describeTaskInfo(104, emulatorSettings(url, apiVersion), at()));
      expect(error).toMatchObject({ kind: "transport", code: "ECONNRESET", requestId: 104, retryable: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("an aborted call is a transport error that is not retryable", async () => {
    const sockets: Socket[] = [];
    const server = createNetServer((socket) => sockets.push(socket));
    const url = await listen(server);
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await failure(describeTaskInfo(104, emulatorSettings(url, "v2"), { ...at(), signal: controller.signal }));
      expect(error).toMatchObject({ kind: "transport", code: "ABORTED", retryable: false });
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("crafted answers from a local server", () => {
  let server: Server;
  let url: string;
  let answer: { status: number; body: string } = { status: 200, body: "" };

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(answer.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(answer.body) });
        res.end(answer.body);
      });
    });
    url = await listen(server);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const cases: { name: string; apiVersion: ApiVersion; body: string; expected: string[] }[] = [
    { name: "v2 JSON without data.status", apiVersion: "v2", body: '{"code":0,"message":"","codeDesc":"Success","data":{}}', expected: ["data.status", '\\"data\\":{}'] },
    { name: "v2 JSON without data", apiVersion: "v2", body: '{"code":0,"codeDesc":"Success"}', expected: ["data.status"] },
    { name: "v2 status 7", apiVersion: "v2", body: '{"code":0,"message":"","codeDesc":"Success","data":{"status":7}}', expected: ["status 7"] },
    { name: "v2 status as a non-numeric string", apiVersion: "v2", body: '{"code":0,"data":{"status":"done"}}', expected: ['status "done"'] },
    { name: "v2 data as an array of two", apiVersion: "v2", body: '{"code":0,"message":"","codeDesc":"Success","data":[{"status":2},{"status":1}]}', expected: ["data.status", "[{"] },
    { name: "v2 JSON without code", apiVersion: "v2", body: '{"data":{"status":2}}', expected: ['without an integer "code"', '{\\"data\\"'] },
    { name: "v3 Status weird", apiVersion: "v3", body: '{"Response":{"Status":"weird","RequestId":"abc-1"}}', expected: ['"weird"', "preparing"] },
    { name: "v3 without Status", apiVersion: "v3", body: '{"Response":{"RequestId":"abc-2"}}', expected: ["Response.Status"] },
    { name: "v3 without Response", apiVersion: "v3", body: '{"Status":"succeed"}', expected: ['"Response"', "succeed"] },
    { name: "v3 Response not an object", apiVersion: "v3", body: '{"Response":"ok"}', expected: ['"Response"'] },
    { name: "v3 empty body", apiVersion: "v3", body: "", expected: ["empty body"] },
  ];

  it.each(cases)("$name → malformed, retryable, names the task and what came back", async ({ apiVersion, body, expected }) => {
    answer = { status: 200, body };
    const error = await failure(describeTaskInfo(4242, emulatorSettings(url, apiVersion), at()));
    expect(error).toMatchObject({ kind: "malformed", requestId: 4242, apiVersion, retryable: true, httpStatus: 200 });
    expect(error.message).toContain("Redis task 4242");
    for (const part of expected) expect(error.message).toContain(part);
  });

  // Number() reads null, "", false and "0x0" as 0: such a code must not pass as a success.
  it.each(["null", '""', "false", '"0x0"'])("v2 code %s is not a success", async (code) => {
    answer = { status: 200, body: `{"code":${code},"data":{"status":2}}` };
    const error = await failure(describeTaskInfo(4242, emulatorSettings(url, "v2"), at()));
    expect(error.kind).toBe("malformed");
  });

  it("keeps the v3 RequestId of a malformed answer", async () => {
    answer = { status: 200, body: '{"Response":{"Status":"weird","RequestId":"abc-1"}}' };
    const error = await failure(describeTaskInfo(4242, emulatorSettings(url, "v3"), at()));
    expect(error.apiRequestId).toBe("abc-1");
    expect(error.message).toContain("abc-1");
  });

  it("compares v3 statuses case-insensitively", async () => {
    answer = { status: 200, body: '{"Response":{"Status":"SUCCEED","RequestId":"abc-3"}}' };
    const record = await describeTaskInfo(4242, emulatorSettings(url, "v3"), at());
    expect(record).toMatchObject({ status: 2, statusText: "Succeeded", apiRequestId: "abc-3" });
  });

  const page = "<html><body><h1>404 Not Found</h1></body></html>";
  it.each(versions)("a 4xx page over %s: probably permanent, naming the endpoint, apiVersion and HTTP status", async (apiVersion) => {
    answer = { status: 404, body: page };
    const error = await failure(describeTaskInfo(4242, emulatorSettings(url, apiVersion), at()));
    expect(error).toMatchObject({ kind: "malformed", httpStatus: 404, retryable: true, retryForMs: 20_000 });
    expect(error.message).toContain(`${url} (apiVersion ${apiVersion}) answered HTTP 404, which is no DescribeTaskInfo answer: check the endpoint and apiVersion`);
  });

  it.each([429, 408, 503])("an HTTP %s page stays retryable until the deadline", async (status) => {
    answer = { status, body: page };
    const error = await failure(describeTaskInfo(4242, emulatorSettings(url, "v3"), at()));
    expect(error).toMatchObject({ kind: "malformed", httpStatus: status, retryable: true, retryForMs: undefined });
  });

  it.each([
    { apiVersion: "v2" as const, body: '{"Response":{"Error":{"Code":"InvalidAction","Message":"no such action"},"RequestId":"r-1"}}', other: "v3", names: ["API 3.0 answer to an API 2.0 request", "speaks API 3.0"] },
    { apiVersion: "v2" as const, body: '{"Response":{"Status":"succeed","RequestId":"r-2"}}', other: "v3", names: ["API 3.0 answer to an API 2.0 request"] },
    { apiVersion: "v3" as const, body: '{"code":4000,"message":"unknown action","codeDesc":"InvalidParameter"}', other: "v2", names: ["API 2.0 answer to an API 3.0 request", "speaks API 2.0"] },
  ])("the other protocol's answer over $apiVersion: permanent, advising apiVersion $other", async ({ apiVersion, body, other, names }) => {
    answer = { status: 200, body };
    const error = await failure(describeTaskInfo(4242, emulatorSettings(url, apiVersion), at()));
    expect(error).toMatchObject({ kind: "malformed", apiVersion, retryable: false });
    expect(error.message).toContain(`${url} (apiVersion ${apiVersion})`);
    expect(error.message).toContain(`set apiVersion "${other}"`);
    for (const name of names) expect(error.message).toContain(name);
  });

  it("reads an API error even under HTTP 500 (v2 code in the body wins)", async () => {
    answer = { status: 500, body: '{"code":4100,"message":"auth failed","codeDesc":"AuthFailure"}' };
    const error = await failure(describeTaskInfo(4242, emulatorSettings(url, "v2"), at()));
    expect(error).toMatchObject({ kind: "api", code: 4100, codeDesc: "AuthFailure", httpStatus: 500, retryable: false });
    expect(error.message).toContain("auth failed");
  });

});

describe("keep-alive", () => {
  it("two sequential calls to one server use one TCP connection", async () => {
    let connections = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const body = req.url?.startsWith("/v2/")
          ? '{"code":0,"message":"","codeDesc":"Success","data":{"status":1}}'
          : '{"Response":{"Status":"running","RequestId":"r"}}';
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
        res.end(body);
      });
    });
    server.on("connection", () => connections++);
    const url = await listen(server);
    try {
      expect((await describeTaskInfo(1, emulatorSettings(url, "v2"), at())).status).toBe(1);
      expect((await describeTaskInfo(2, emulatorSettings(url, "v3"), at())).status).toBe(1);
      expect(connections).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
