/**
 * Transient faults, over real sockets, for both API versions: each is retried within the
 * deadline and the wait still succeeds; when the fault never goes away, the wait ends at its
 * deadline (not before, not long after) with a last error that says what came back.
 */
import { startEmulator, type FailureKind } from "../../provider/emulator";
import type { ApiVersion } from "../../provider/api/types";
import { closedPortUrl, failFirst, startFaultServer, type SocketFault } from "./support/faultServer";
import { API_VERSIONS, faultFirstThenSeeded, gateWait, HANG_REQUEST_TIMEOUT_MS, nextRequestId, settingsFor } from "./support/gate";
import { pollPacedClock } from "../support/pollPacedClock";
import { SHORT_WAIT_END_SAFETY_NET_MS } from "../support/safetyNets";
import { stepOnPolls } from "../support/taskScript";

jest.setTimeout(20_000);

/** Bodies that are not a DescribeTaskInfo answer, per API version. */
const noStatus: Record<ApiVersion, string> = {
  v2: '{"code":0,"message":"","codeDesc":"Success","data":{}}',
  v3: '{"Response":{"RequestId":"6f1d1c2e-0000-4000-8000-000000000001"}}',
};
const unknownStatus: Record<ApiVersion, string> = {
  v2: '{"code":0,"message":"","codeDesc":"Success","data":{"status":7}}',
  v3: '{"Response":{"Status":"paused","RequestId":"6f1d1c2e-0000-4000-8000-000000000002"}}',
};
const gatewayPage = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";

/** The socket-level faults, and what the last error must say when the fault persists. */
function socketFaults(apiVersion: ApiVersion): Array<[string, SocketFault, RegExp]> {
  const json = "application/json; charset=utf-8";
  return [
    ["reset mid-response (TCP RST after part of the body)", { kind: "reset" }, /failed: .*\(http:\/\/127\.0\.0\.1:\d+\) \[ECONNRESET\]/],
    ["accepts and never answers (beyond the 300 ms per-request timeout)", { kind: "hang" }, /no answer within the per-request timeout of 300 ms .*\[ETIMEDOUT\]/],
    ["HTTP 502 with an HTML page", { kind: "answer", status: 502, contentType: "text/html", body: gatewayPage }, /unexpected response \(HTTP 502, a body that is not JSON: "<html>/],
    ["HTTP 200 whose body is not JSON", { kind: "answer", status: 200, contentType: json, body: "Service temporarily unavailable" }, /unexpected response \(HTTP 200, a body that is not JSON/],
    [
      "JSON without the status",
      { kind: "answer", status: 200, contentType: json, body: noStatus[apiVersion] },
      apiVersion === "v2" ? /JSON without data\.status/ : /JSON without Response\.Status/,
    ],
    [
      "a status outside the five",
      { kind: "answer", status: 200, contentType: json, body: unknownStatus[apiVersion] },
      apiVersion === "v2" ? /status 7, not one of -1, 0, 1, 2, 3/ : /Status "paused", not one of preparing, running, succeed, failed, error/,
    ],
  ];
}

/** Settings for a raw fault server: a short per-request timeout where it never answers. */
const faultSettings = (url: string, apiVersion: ApiVersion, fault: SocketFault) =>
  settingsFor(url, apiVersion, fault.kind === "hang" ? { requestTimeoutMs: HANG_REQUEST_TIMEOUT_MS } : {});

const runningThenSucceeded = [{ status: 1 as const, ms: 200 }, { status: 2 as const }];

/*
 * Every test is concurrent and at the top level: jest runs concurrent tests together only
 * within one describe block, and these tests spend their time waiting on sockets.
 */
const kinds: FailureKind[] = ["http502", "reset", "malformed", "throttle", "internal"];
const emulatorFaultCases = API_VERSIONS.flatMap((v) => kinds.map((kind) => [v, kind] as const));
const socketFaultCases = API_VERSIONS.flatMap((v) => socketFaults(v).map(([name, fault, lastError]) => [v, name, fault, lastError] as const));

// The slowest tests first, so the rest run alongside them.
test.concurrent.each(API_VERSIONS)("%s: a server that hangs holds the wait no longer than its timeout, whatever the per-request timeout", async (apiVersion) => {
  // Per-request timeout 15 s, wait timeout 0.5 s: the call in flight at the deadline is abandoned
  // shortly after it (DEADLINE_GRACE_MS), not at the per-request timeout.
  const server = await startFaultServer(() => ({ kind: "hang" }));
  try {
    const result = await gateWait(nextRequestId(), settingsFor(server.url, apiVersion, { requestTimeoutMs: 15_000 }), { timeout: "500ms" });
    expect(result.state).toBe("timedOut");
    expect(result.wallMs).toBeLessThan(SHORT_WAIT_END_SAFETY_NET_MS);
  } finally {
    await server.close();
  }
});

test.concurrent.each(emulatorFaultCases)("%s: emulator fault %s on about half the requests: retried, and the wait succeeds", async (apiVersion, kind) => {
  const requestId = nextRequestId();
  const log: string[] = [];
  const emulator = await startEmulator({
    tasks: [{ requestId, timeline: runningThenSucceeded }],
    faults: { failureRate: 0.5, failureKinds: [kind] },
    random: faultFirstThenSeeded(),
    log: (line) => log.push(line),
  });
  try {
    const result = await gateWait(requestId, settingsFor(emulator.url, apiVersion));
    expect(result.state).toBe("succeeded");
    expect(result.record?.status).toBe(2);
    const faulted = log.filter((line) => line.includes(`fault ${kind}`)).length;
    expect(faulted).toBeGreaterThanOrEqual(1);
    expect(result.polls).toBeGreaterThan(faulted);
  } finally {
    await emulator.close();
  }
});

test.concurrent.each(socketFaultCases)("%s: raw server, %s, on the first 3 requests: retried, and the wait succeeds", async (apiVersion, _name, fault) => {
  const requestId = nextRequestId();
  const emulator = await startEmulator({ tasks: [{ requestId, timeline: runningThenSucceeded }] });
  const server = await startFaultServer(failFirst(3, fault), emulator.url);
  try {
    const result = await gateWait(requestId, faultSettings(server.url, apiVersion, fault));
    expect(result.state).toBe("succeeded");
    expect(server.counts()[fault.kind]).toBe(3);
    expect(emulator.stats().requests).toBeGreaterThanOrEqual(1);
    expect(result.polls).toBeGreaterThanOrEqual(4);
  } finally {
    await server.close();
    await emulator.close();
  }
});

test.concurrent.each(socketFaultCases)(
  "%s: raw server, %s, on every request: the wait times out at its deadline, the last error saying what came back",
  async (apiVersion, _name, fault, lastError) => {
    const server = await startFaultServer(() => fault);
    try {
      // Time moves only between polls: the deadline comes after the wait's own schedule of polls.
      const clock = pollPacedClock(600);
      const result = await gateWait(nextRequestId(), faultSettings(server.url, apiVersion, fault), { timeout: "600ms", clock });
      expect(result.state).toBe("timedOut");
      expect(result.waitedMs).toBeGreaterThanOrEqual(500); // the final poll is made 50 ms before the deadline
      expect(result.waitedMs).toBeLessThanOrEqual(600); // and ends there, in the wait's own time
      expect(result.polls).toBeGreaterThanOrEqual(2);
      expect(result.error?.retryable).toBe(true);
      expect(result.error?.message).toMatch(lastError);
      expect(result.error?.message).toContain(`Redis task ${result.error?.requestId}`);
    } finally {
      await server.close();
    }
  },
);

test.concurrent.each(API_VERSIONS)("%s: bursts of 4400 / RequestLimitExceeded from a 1 request/s service limit: backed off, and the wait succeeds", async (apiVersion) => {
  const requestId = nextRequestId();
  // Executing for 3 answered polls, a second apart at 1/s: the gate polls 20–100 ms after each
  // answer, so each gap between answers holds a throttled attempt, however slowly the machine runs.
  const emulator = await startEmulator({ tasks: [{ requestId, timeline: [{ status: 1 }], held: true }], faults: { rateLimitPerSecond: 1 } });
  try {
    const [result] = await Promise.all([gateWait(requestId, settingsFor(emulator.url, apiVersion)), stepOnPolls(emulator, requestId, [2], 3)]);
    expect(result.state).toBe("succeeded");
    expect(emulator.stats().throttled).toBeGreaterThanOrEqual(2);
  } finally {
    await emulator.close();
  }
});

test.concurrent.each(API_VERSIONS)("%s: connection refused until the service comes up: retried, and the wait succeeds", async (apiVersion) => {
  const requestId = nextRequestId();
  const url = await closedPortUrl();
  const started = Date.now();
  const late = new Promise<Awaited<ReturnType<typeof startEmulator>>>((resolve, reject) =>
    setTimeout(() => startEmulator({ port: Number(new URL(url).port), tasks: [{ requestId, timeline: runningThenSucceeded }] }).then(resolve, reject), 500),
  );
  try {
    const result = await gateWait(requestId, settingsFor(url, apiVersion));
    expect(result.state).toBe("succeeded");
    expect(result.polls).toBeGreaterThanOrEqual(3); // the refused ones included
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  } finally {
    await (await late).close();
  }
});

test.concurrent.each(API_VERSIONS)("%s: connection refused for good: retried until the timeout, whose last error names ECONNREFUSED", async (apiVersion) => {
  const clock = pollPacedClock(600); // time moves only between polls, as above
  const result = await gateWait(nextRequestId(), settingsFor(await closedPortUrl(), apiVersion), { timeout: "600ms", clock });
  expect(result.state).toBe("timedOut");
  expect(result.polls).toBeGreaterThanOrEqual(3);
  expect(result.waitedMs).toBeGreaterThanOrEqual(500); // the final poll is made 50 ms before the deadline
  expect(result.waitedMs).toBeLessThanOrEqual(600);
  expect(result.error?.kind).toBe("transport");
  expect(result.error?.message).toMatch(/ECONNREFUSED.*Check the endpoint and the network/);
});
