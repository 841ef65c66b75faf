/**
 * `pulumi refresh` of many gates and of a gate whose task is gone, through the real Pulumi CLI.
 * Reads go through the process-wide rate limiter and retry throttled answers, so a refresh with
 * `--parallel` as large as the stack does not fail on the API's rate limit.
 */
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { describeWithCli } from "./support/describeWithCli";
import { e2eSuite } from "./support/suite";

jest.setTimeout(240_000);

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
const GATES = 50;

const suite = e2eSuite(65_000);
const extraEmulators: RunningEmulator[] = [];
afterAll(async () => {
  for (const extra of extraEmulators) await extra.close();
});

/** A stack of the fleet program: `count` gates on the tasks from `firstRequestId` on, against `endpoint`. */
function fleetStack(endpoint: string, count: number, firstRequestId: number, config: Record<string, string> = {}) {
  return suite.stack("fleet", {
    env: { TENCENTCLOUD_REDIS_ENDPOINT: endpoint },
    config: { "e2e-fleet:count": String(count), "e2e-fleet:firstId": String(firstRequestId), "e2e-fleet:minPollInterval": "200ms", "e2e-fleet:maxPollInterval": "1s", ...config },
  });
}

describeWithCli("pulumi refresh", () => {
  test(`${GATES} gates with --parallel ${GATES} against a 5 requests/s API: throttled reads are retried, paced reads are not throttled at all`, async () => {
    const emulator = suite.emulator;
    const ids = Array.from({ length: GATES }, () => emulator.task([{ status: 2 }]));
    const stack = await fleetStack(emulator.url, GATES, ids[0]);
    await stack.up(["--parallel", String(GATES)]);
    const stats = () => emulator.emulator.stats();
    emulator.emulator.setFaults({ rateLimitPerSecond: 5 });

    // The default pace (20/s, the documented quota) is four times this API's: 50 reads at once
    // overrun its 5-request bucket, and the throttled ones are retried.
    const throttledBefore = stats().throttled;
    const callsBefore = ids.map((id) => emulator.calls(id));
    const fast = await stack.refresh(["--parallel", String(GATES), "--expect-no-changes"]);
    const throttledAtDefaultPace = stats().throttled - throttledBefore;
    expect(throttledAtDefaultPace).toBeGreaterThan(0);
    ids.forEach((id, i) => expect(emulator.calls(id)).toBeGreaterThan(callsBefore[i]));

    // Paced under the API's limit, no read is throttled: the limiter is process-wide, reads included.
    // (The environment variable, since a refresh configures providers with the config of the last `up`.)
    const throttledMid = stats().throttled;
    const paced = await stack.cli(["refresh", "--yes", "--stack", stack.stack, "--parallel", String(GATES), "--expect-no-changes"], "success", {
      env: { TENCENTCLOUD_REDIS_RATE_LIMIT: "4" },
    });
    expect(stats().throttled - throttledMid).toBe(0);
    // 50 reads at 4 per second take at least 12 s: the pace was held.
    expect(paced.ms).toBeGreaterThanOrEqual(((GATES - 1) / 4) * 1000);
    expect(await stack.resourcesOfType(TASK_WAIT)).toHaveLength(GATES);
    process.stdout.write(`refresh of ${GATES} gates: ${fast.ms} ms at 20/s (${throttledAtDefaultPace} throttled, retried), ${paced.ms} ms at 4/s (0 throttled)\n`);
  });

  test("a gate that never succeeded and whose task is gone is removed with a warning; the rest of the refresh completes", async () => {
    const first = 65_900;
    const running = { requestId: first, timeline: [{ status: 1 as const }] };
    const done = [1, 2].map((i) => ({ requestId: first + i, timeline: [{ status: 2 as const }] }));
    const before = await startEmulator({ tasks: [running, ...done] });
    const stack = await fleetStack(before.url, 3, first, { "e2e-fleet:timeout": "2s" });
    await stack.up([], "failure"); // gate-0 times out, recorded as not ready
    expect((await stack.resourcesOfType(TASK_WAIT)).map((r) => r.outputs?.status).sort()).toEqual([1, 2, 2]);

    // The API forgets task `first` (a new emulator on the same port, without it).
    const port = Number(new URL(before.url).port);
    await before.close();
    const after = await startEmulator({ port, tasks: done });
    extraEmulators.push(after);

    const refresh = await stack.refresh();
    expect(refresh.stdout).toContain(`[TaskWait gate-0] task ${first}: the API no longer knows this task and the gate never saw it succeed`);
    const gates = await stack.resourcesOfType(TASK_WAIT);
    expect(gates.map((r) => r.id).sort()).toEqual([String(first + 1), String(first + 2)]);

    // The next `up` creates gate-0 again, and says why it cannot succeed.
    const up = await stack.up([], "failure");
    expect(up.stdout).toContain(`DescribeTaskInfo for Redis task ${first} failed: API error 11201`);
    expect(up.stdout).toContain("Check the requestId");
  });
});
