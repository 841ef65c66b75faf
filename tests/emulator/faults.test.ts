/** Faults: the rate limiter on a virtual clock, each failure kind, the random pick, latency. */
import { FAILURE_KINDS, type FailureKind, type RunningEmulator, startEmulator } from "../../provider/emulator";
import { callV2, callV3, virtualClock } from "./signedRequests";

const clock = virtualClock();
let emu: RunningEmulator;
let randomValues: number[] = [];
const v2 = () => callV2(emu.url, clock.now(), { requestId: 11965 });
const v3 = () => callV3(emu.url, clock.now(), { taskId: 11965 });

beforeEach(async () => {
  randomValues = [];
  emu = await startEmulator({
    clock: clock.now,
    // Scripted randomness; 0 (always fail, first kind) once the script runs out.
    random: () => randomValues.shift() ?? 0,
    tasks: [{ requestId: 11965, timeline: [{ status: 2 }] }],
  });
});
afterEach(() => emu.close());

describe("rate limit", () => {
  it("throttles the 21st request in the same second and refills with the clock", async () => {
    emu.setFaults({ rateLimitPerSecond: 20 });
    for (let i = 0; i < 20; i++) expect((await v2()).json.code).toBe(0);
    expect((await v2()).json).toMatchObject({ code: 4400, codeDesc: "RequestLimitExceeded" });
    expect(emu.stats()).toMatchObject({ requests: 21, throttled: 1 });

    clock.advance(50); // one token at 20/s
    expect((await v3()).json.Response.Status).toBe("succeed");
    expect((await v3()).json.Response.Error.Code).toBe("RequestLimitExceeded");
    expect(emu.stats().throttled).toBe(2);

    clock.advance(1000);
    for (let i = 0; i < 20; i++) expect((await v2()).json.code).toBe(0);
    expect((await v2()).json.code).toBe(4400);
    expect(emu.stats()).toMatchObject({ requests: 44, throttled: 3, byRequestId: { "11965": 44 } });
  });

  it("stops limiting when cleared", async () => {
    emu.setFaults({ rateLimitPerSecond: 1 });
    expect((await v2()).json.code).toBe(0);
    expect((await v2()).json.code).toBe(4400);
    emu.setFaults({ rateLimitPerSecond: null });
    expect((await v2()).json.code).toBe(0);
  });
});

describe("failure kinds with failureRate 1", () => {
  const only = (kind: FailureKind) => emu.setFaults({ failureRate: 1, failureKinds: [kind] });

  it("http502: HTTP 502 with an HTML page", async () => {
    only("http502");
    for (const reply of [await v2(), await v3()]) {
      expect(reply.status).toBe(502);
      expect(reply.contentType).toContain("text/html");
      expect(reply.text).toContain("502 Bad Gateway");
    }
  });

  it("reset: the connection dies mid-response", async () => {
    only("reset");
    await expect(v2()).rejects.toThrow();
    await expect(v3()).rejects.toThrow();
    expect(emu.stats().requests).toBe(2);
  });

  it("malformed: HTTP 200 with a body that is not JSON", async () => {
    only("malformed");
    for (const reply of [await v2(), await v3()]) {
      expect(reply.status).toBe(200);
      expect(reply.text).toBe("<html>not json");
      expect(reply.json).toBeUndefined();
    }
  });

  it("throttle: the rate-limit answer, counted as throttled", async () => {
    only("throttle");
    expect((await v2()).json).toMatchObject({ code: 4400, codeDesc: "RequestLimitExceeded" });
    expect((await v3()).json.Response.Error.Code).toBe("RequestLimitExceeded");
    expect(emu.stats().throttled).toBe(2);
  });

  it("internal: 6000 InternalError / InternalError", async () => {
    only("internal");
    expect((await v2()).json).toMatchObject({ code: 6000, codeDesc: "InternalError" });
    expect((await v3()).json.Response.Error.Code).toBe("InternalError");
    expect(emu.stats().throttled).toBe(0);
  });
});

describe("failureRate and the random source", () => {
  it("fails only when random < failureRate, and picks the kind uniformly", async () => {
    emu.setFaults({ failureRate: 0.5 });
    randomValues = [0.5]; // not below the rate: a normal answer
    expect((await v2()).json.code).toBe(0);
    randomValues = [0.49, 0.99]; // fails; 0.99 picks the last of the five kinds
    expect(FAILURE_KINDS[FAILURE_KINDS.length - 1]).toBe("internal");
    expect((await v2()).json.code).toBe(6000);
    randomValues = [0.1, 0.7]; // 0.7 * 5 = 3.5: the fourth kind
    expect(FAILURE_KINDS[3]).toBe("throttle");
    expect((await v2()).json.code).toBe(4400);
  });

  it("never applies to control routes", async () => {
    emu.setFaults({ failureRate: 1, failureKinds: ["reset"], rateLimitPerSecond: 1 });
    for (let i = 0; i < 3; i++) expect((await fetch(`${emu.url}/_emulator/stats`)).status).toBe(200);
    const cleared = await fetch(`${emu.url}/_emulator/faults`, { method: "POST", body: "{}" });
    expect(await cleared.json()).toEqual({});
    expect((await v2()).json.code).toBe(0);
  });
});

describe("latency", () => {
  it("holds back API answers by latencyMs, but not control answers", async () => {
    emu.setFaults({ latencyMs: 200 });
    let start = performance.now();
    expect((await v2()).json.code).toBe(0);
    expect(performance.now() - start).toBeGreaterThanOrEqual(190);
    start = performance.now();
    expect((await v3()).json.Response.Status).toBe("succeed");
    expect(performance.now() - start).toBeGreaterThanOrEqual(190);
  });

  it("answers a control request while an API answer is held back", async () => {
    // An order of events, not a duration: the control answer comes while the API answer waits.
    emu.setFaults({ latencyMs: 2000 });
    let apiAnswered = false;
    const api = v2().then((answer) => {
      apiAnswered = true;
      return answer;
    });
    await emu.waitForQueries(11965, 1); // answered, and now held back
    expect((await fetch(`${emu.url}/_emulator/stats`)).status).toBe(200);
    expect(apiAnswered).toBe(false);
    expect((await api).json.code).toBe(0);
  });
});
