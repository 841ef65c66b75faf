/** `tencentcloud-redis-task wait`, run as the built binary against the emulator: exit codes and output. */
import { spawn } from "child_process";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { REPO_ROOT } from "../support/packedProject";
import { cleanEnv, REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";
import { CLI_EXIT_SAFETY_NET_MS } from "../support/safetyNets";

jest.setTimeout(60_000);
const BIN = path.join(REPO_ROOT, "dist/provider/cli/main.js");
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    tasks: [
      { requestId: 1, timeline: [{ status: 0, ms: 200 }, { status: 1, ms: 300 }, { status: 2 }] },
      { requestId: 2, timeline: [{ status: 1, ms: 200 }, { status: 3 }], taskMessage: "backup failed: disk full" },
      { requestId: 3, timeline: [{ status: -1 }] },
      { requestId: 4, timeline: [{ status: 1 }] },
    ],
  });
});
afterAll(() => emulator?.close());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function wait(args: string[], options: { interruptAfterMs?: number } = {}): Promise<Run> {
  const env = cleanEnv({ TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: emulator.url });
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "wait", ...args, "--min-poll-interval", "100ms", "--max-poll-interval", "200ms"], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => {
      stderr += c;
      // Interrupt once the wait is under way, as a user would.
      if (options.interruptAfterMs !== undefined && stderr.includes("polls")) setTimeout(() => child.kill("SIGINT"), options.interruptAfterMs);
      options.interruptAfterMs = undefined;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

test("exit 0 when the task succeeds, with a progress line per status change on a non-terminal", async () => {
  const run = await wait(["1"]);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe("task 1: Succeeded (2)\n");
  expect(run.stderr).toMatch(/^\[wait\] task 1: Waiting, 1 polls, \d+s\n(.*\n)*\[wait\] task 1: Succeeded, \d+ polls, \d+s\n$/);
});

test("exit 1 when the task fails, naming status and message; -1 too", async () => {
  const failed = await wait(["2", "--api", "v3"]);
  expect(failed.code).toBe(1);
  expect(failed.stdout).toBe("task 2: Failed (3) - backup failed: disk full\n");
  expect(failed.stderr).toMatch(/Redis task 2 failed: status 3 \(Failed\) after \d+s, \d+ polls?\n$/);
  const errored = await wait(["3"]);
  expect(errored.code).toBe(1);
  expect(errored.stdout).toBe("task 3: Error (-1)\n");
});

// 5 s, so that a poll is answered before the deadline even when a busy machine takes seconds.
test("exit 3 on timeout, naming the timeout and the last status", async () => {
  const run = await wait(["4", "--timeout", "5s"]);
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/Redis task 4 did not finish within 5s: last status 1 \(Executing\), \d+ polls\n$/);
  expect(run.ms).toBeLessThan(CLI_EXIT_SAFETY_NET_MS);
});

test("--json prints the outcome as JSON", async () => {
  const run = await wait(["1", "--json", "--api", "v3"]);
  expect(run.code).toBe(0);
  const parsed = JSON.parse(run.stdout);
  expect(parsed).toMatchObject({ state: "succeeded", record: { requestId: 1, status: 2, statusText: "Succeeded" } });
  expect(parsed.polls).toBeGreaterThanOrEqual(1);
});

test("Ctrl-C exits 130 at once", async () => {
  const run = await wait(["4", "--timeout", "1m"], { interruptAfterMs: 100 });
  expect(run.code).toBe(130);
  expect(run.stderr).toContain("interrupted: Redis task 4");
  expect(run.ms).toBeLessThan(CLI_EXIT_SAFETY_NET_MS);
});

test("exit 2 for bad durations and 4 for an unknown task", async () => {
  const bad = await wait(["1", "--timeout", "soon"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--timeout must be a positive duration such as "90s"');
  const unknown = await wait(["999"]);
  expect(unknown.code).toBe(4);
  expect(unknown.stderr).toContain("11201");
  expect(unknown.stderr).toContain("Check the requestId");
});

test("--help on every command exits 0", async () => {
  for (const args of [["--help"], ["status", "--help"], ["wait", "--help"], ["emulator", "--help"]]) {
    const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args]);
      let stdout = "";
      child.stdout.on("data", (c) => (stdout += c));
      child.on("close", (code) => resolve({ code, stdout }));
    });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Usage: tencentcloud-redis-task/);
  }
});
