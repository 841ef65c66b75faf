/**
 * The hooks through the real Pulumi CLI, gating a stand-in for the tencentcloud provider's
 * redis.Param (programs/hooks: its create calls the emulator's ModifyInstanceParams and fails as
 * the bridged provider fails). The running task is held by the emulator and ended only once the
 * hook has listed the instance: every ordering below is an event, never a wall-clock margin.
 */
import { describeWithCli } from "./support/describeWithCli";
import { e2eSuite } from "./support/suite";
import { modifyCalls as callsOf, upReleasedAfterListing } from "./support/instanceLock";

jest.setTimeout(240_000);

const suite = e2eSuite(72_000);
let instanceSeq = 0;

/** A fresh instance with a held running task on it (the lock), and the stack of the hooks program in `mode`. */
async function busyInstance(mode: "before" | "retry" | "after", config: Record<string, string> = {}) {
  const instanceId = `crs-hook${String(++instanceSeq).padStart(4, "0")}`;
  const lock = suite.emulator.heldTask([{ status: 1 }], { instanceId, taskType: "FLOW_BACKUPINSTANCE" });
  const stack = await suite.stack("hooks", { config: { "e2e-hooks:mode": mode, "e2e-hooks:instanceId": instanceId, ...config } });
  return { instanceId, lock, stack };
}

const emulator = () => suite.emulator.emulator;
const modifyCalls = () => callsOf(suite.emulator);
/** The ModifyInstanceParams tasks started on the instance (the change made). */
const paramTasks = (instanceId: string) => emulator().instanceTasks(instanceId).filter((task) => task.taskType === "FLOW_MODIFYINSTANCEPARAMS");

describeWithCli("resource hooks on a stand-in for tencentcloud.redis.Param", () => {
  test("beforeCreate instanceIdleHook: the change is made only after the running task ends, and never refused", async () => {
    const { instanceId, lock, stack } = await busyInstance("before");
    const before = modifyCalls();
    const { run, callsAtListing } = await upReleasedAfterListing(stack, suite.emulator, instanceId, lock);
    expect(callsAtListing).toBe(0);
    expect(run.code).toBe(0);
    expect(modifyCalls()).toBe(before + 1);
    expect(paramTasks(instanceId)).toHaveLength(1);
    expect((await stack.outputs()).taskId).toBe(paramTasks(instanceId)[0].requestId);
    expect(run.stdout + run.stderr).toMatch(new RegExp(`\\[redis-idle params\\] instance ${instanceId}: 1 task running: FLOW_BACKUPINSTANCE ${lock}`));
  });

  test("onError retryOnInstanceBusy: refused once with InstanceLockedError, retried once the instance is idle, succeeds", async () => {
    const { instanceId, lock, stack } = await busyInstance("retry");
    const before = modifyCalls();
    // The hook lists only after the refusal: one call by then, refused.
    const { run, callsAtListing } = await upReleasedAfterListing(stack, suite.emulator, instanceId, lock);
    expect(callsAtListing).toBe(1);
    expect(run.code).toBe(0);
    expect(modifyCalls()).toBe(before + 2);
    expect(paramTasks(instanceId)).toHaveLength(1);
    expect(run.stdout).toMatch(/retrying create due to on-error hook request/);
    expect(run.stdout + run.stderr).toMatch(new RegExp(`ResourceUnavailable.InstanceLockedError; Redis instance ${instanceId} is idle now, retry 1 of 5`));
  });

  test("onError retryOnInstanceBusy: another error is not retried (exactly one call, no listing)", async () => {
    const { instanceId, lock, stack } = await busyInstance("retry", { "e2e-hooks:params": "[]" });
    suite.emulator.setStatus(lock, 2);
    const before = modifyCalls();
    const run = await stack.up([], "failure");
    expect(modifyCalls()).toBe(before + 1);
    expect(emulator().listingState(instanceId).listings).toBe(0);
    expect(run.stdout).toMatch(/\[TencentCloudSDKError\] Code=InvalidParameter/);
    expect(run.stdout).not.toMatch(/retrying create/);
  });

  test("a lock that never clears: the error hook gives up at its timeout naming the instance, the error stands", async () => {
    const { instanceId, lock, stack } = await busyInstance("retry", { "e2e-hooks:hookTimeout": "3s" });
    const before = modifyCalls();
    const run = await stack.up([], "failure");
    expect(modifyCalls()).toBe(before + 1);
    expect(run.stdout).toMatch(/\[TencentCloudSDKError\] Code=ResourceUnavailable.InstanceLockedError/);
    expect(run.stdout + run.stderr).toMatch(new RegExp(`not retrying: hook redis-busy for params: Redis instance ${instanceId} was still busy after \\d+s \\(timeout 3s\\): FLOW_BACKUPINSTANCE ${lock}`));
    expect(run.ms).toBeLessThan(3 * 60_000);
  });

  test("a lock that never clears: beforeCreate fails the step at the hook's timeout naming the instance and the task, no call made", async () => {
    const { instanceId, lock, stack } = await busyInstance("before", { "e2e-hooks:hookTimeout": "3s" });
    const before = modifyCalls();
    const run = await stack.up([], "failure");
    expect(modifyCalls()).toBe(before);
    expect(run.stdout + run.stderr).toMatch(new RegExp(`Redis instance ${instanceId} was still busy after \\d+s \\(timeout 3s\\): FLOW_BACKUPINSTANCE ${lock}`));
  });

  test("afterCreate instanceIdleHook with after: waits for the task the change started; its failure fails the up, the resource stays created", async () => {
    const instanceId = `crs-hook${String(++instanceSeq).padStart(4, "0")}`;
    // Tasks started on this instance stay running until the test ends them.
    emulator().addInstance({ instanceId, held: true });
    const stack = await suite.stack("hooks", { config: { "e2e-hooks:mode": "after", "e2e-hooks:instanceId": instanceId } });
    const up = stack.start(["up", "--yes", "--stack", stack.stack]);
    await emulator().waitForListings(instanceId, 1);
    const [started] = paramTasks(instanceId);
    suite.emulator.setStatus(started.requestId, 3, "parameter rejected by the engine");
    const run = await up.done;
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(
      new RegExp(`after hook "redis-settled" failed: .*Redis instance ${instanceId}: task FLOW_MODIFYINSTANCEPARAMS ${started.requestId} \\(Failed, \\d+%\\) failed while the hook waited \\(failOn "failedSinceStart"\\); the change was made, but its task did not succeed`),
    );
    // The change was made once, and the resource is recorded: the next up neither repeats it nor waits again.
    const recorded = (await stack.exportState()).deployment.resources?.filter((r: { type: string }) => r.type === "pulumi-nodejs:dynamic/e2e:RedisParams") ?? [];
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.outputs?.taskId).toBe(started.requestId);
    const listings = emulator().listingState(instanceId).listings;
    await stack.up(["--expect-no-changes"]);
    expect(paramTasks(instanceId)).toHaveLength(1);
    expect(emulator().listingState(instanceId).listings).toBe(listings);
  });
});
