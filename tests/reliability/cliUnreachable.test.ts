/**
 * The CLI against an endpoint that cannot answer, for both API versions: a closed port and a
 * server that accepts and never answers. `status` exits 4 (network error); `wait` retries
 * transport errors until `--timeout` and exits 3 (timed out), as README's exit-code table
 * documents. Neither may hang: every run's wall time is asserted.
 */
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../../provider/api/settings";
import { ExitCode } from "../../provider/cli/exitCodes";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { cleanEnv, REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";
import { requireBuiltCli, runCli } from "./support/cli";
import { closedPortUrl, startFaultServer, type FaultServer } from "./support/faultServer";
import { API_VERSIONS } from "./support/gate";

jest.setTimeout(30_000);

/**
 * Slack for starting Node and loading the CLI, and for the grace given to a call in flight at a
 * deadline: about 1–2 s when several CLIs start at once on a small machine, so 7 s is a safety
 * net (>= 3x). The durations themselves (retry window, per-request timeout, --timeout) are lower
 * bounds the code sets; with this slack every upper bound still stays under the 10 s per-request
 * timeout (or the 30 minutes / 30 s timeouts) it tells apart.
 */
const STARTUP_SLACK_MS = 7000;

let hanging: FaultServer;
let closed: string;
let emulator: RunningEmulator;

const env = (endpoint: string, secretKey = SECRET_KEY) =>
  cleanEnv({ TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: secretKey, TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: endpoint });

beforeAll(async () => {
  requireBuiltCli();
  hanging = await startFaultServer(() => ({ kind: "hang" }));
  closed = await closedPortUrl();
  emulator = await startEmulator({ tasks: [{ requestId: 11963, timeline: [{ status: 1 }] }] });
});

afterAll(async () => {
  await hanging?.close();
  await emulator?.close();
});

// The slow ones (a whole per-request timeout or retry window each) first, so the fast ones run alongside.
test.concurrent.each(API_VERSIONS)(
  "%s: wait --timeout 30m against a closed port gives up after the 20 s retry window, exits 4, naming the endpoint and apiVersion",
  async (api) => {
    const run = await runCli(["wait", "11963", "--api", api, "--timeout", "30m"], env(closed), 40_000);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(ExitCode.ApiError);
    expect(run.stderr).toContain(`nothing answers at ${closed} (apiVersion ${api}); a wait retries this for 20s, then gives up`);
    expect(run.wallMs).toBeGreaterThanOrEqual(20_000);
    expect(run.wallMs).toBeLessThan(20_000 + STARTUP_SLACK_MS);
  },
  45_000,
);


test.concurrent.each(API_VERSIONS)("%s: status against a server that never answers exits 4 after the 10 s per-request timeout, not later", async (api) => {
  const run = await runCli(["status", "11963", "--api", api], env(hanging.url));
  expect(run.signal).toBeNull();
  expect(run.code).toBe(ExitCode.ApiError);
  expect(run.stdout).toBe("");
  expect(run.stderr).toContain(`no answer within the per-request timeout of ${DEFAULT_REQUEST_TIMEOUT_MS} ms (${hanging.url}) [ETIMEDOUT]`);
  expect(run.wallMs).toBeGreaterThanOrEqual(DEFAULT_REQUEST_TIMEOUT_MS - 100);
  expect(run.wallMs).toBeLessThan(DEFAULT_REQUEST_TIMEOUT_MS + STARTUP_SLACK_MS);
});

test.concurrent.each(API_VERSIONS)("%s: wait --timeout 1s against a server that never answers exits 3 within its timeout", async (api) => {
  const run = await runCli(["wait", "11963", "--api", api, "--timeout", "1s", "--min-poll-interval", "100ms"], env(hanging.url));
  expect(run.signal).toBeNull();
  expect(run.code).toBe(ExitCode.TimedOut);
  expect(run.stderr).toContain("Redis task 11963 did not finish within 1s: no status received");
  expect(run.stderr).toContain("[ETIMEDOUT]");
  // The poll in flight at the deadline is abandoned shortly after it, not at the 10 s per-request timeout.
  expect(run.wallMs).toBeLessThan(1000 + STARTUP_SLACK_MS);
});

test.concurrent.each(API_VERSIONS)("%s: status against a closed port exits 4 at once, naming ECONNREFUSED and the endpoint", async (api) => {
  const run = await runCli(["status", "11963", "--api", api], env(closed));
  expect(run.signal).toBeNull();
  expect(run.code).toBe(ExitCode.ApiError);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(new RegExp(`^tencentcloud-redis-task status: DescribeTaskInfo for Redis task 11963 failed: connect ECONNREFUSED .*\\(${closed}\\) \\[ECONNREFUSED\\]\\. Check the endpoint and the network`));
  expect(run.wallMs).toBeLessThan(STARTUP_SLACK_MS);
});

// 5 s, so that "retried" (at least 3 polls 100–200 ms apart) holds on a machine busy enough to
// take a second for the first.
test.concurrent.each(API_VERSIONS)("%s: wait --timeout 5s against a closed port retries until the timeout, then exits 3", async (api) => {
  const run = await runCli(["wait", "11963", "--api", api, "--timeout", "5s", "--min-poll-interval", "100ms", "--max-poll-interval", "200ms"], env(closed));
  expect(run.signal).toBeNull();
  expect(run.code).toBe(ExitCode.TimedOut);
  expect(run.stdout).toBe("");
  const polls = Number(/no status received, (\d+) polls/.exec(run.stderr)?.[1]);
  expect(polls).toBeGreaterThanOrEqual(3); // retried, not given up after the first refusal
  expect(run.stderr).toContain("Redis task 11963 did not finish within 5s: no status received");
  expect(run.stderr).toContain("the last poll failed: DescribeTaskInfo for Redis task 11963 failed: connect ECONNREFUSED");
  expect(run.wallMs).toBeGreaterThanOrEqual(4950);
  expect(run.wallMs).toBeLessThan(5000 + STARTUP_SLACK_MS);
});

test.concurrent.each(API_VERSIONS)("%s: wait with a permanent error (wrong secret key) exits 4 at once, not at its timeout", async (api) => {
  const run = await runCli(["wait", "11963", "--api", api, "--timeout", "30s"], env(emulator.url, "not-the-right-key-0000000000000"));
  expect(run.code).toBe(ExitCode.ApiError);
  expect(run.stderr).toMatch(/AuthFailure\.SignatureFailure.*Check the secret id and key/);
  expect(run.wallMs).toBeLessThan(STARTUP_SLACK_MS);
});
