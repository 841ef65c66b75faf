/**
 * The hooks' decisions on a virtual clock with a scripted task list: the resource hook waits or
 * throws naming the instance and the task; the error hook retries only busy errors, after idle,
 * at most maxRetries times.
 */
import { busyRetryCallback, idleHookCallback, type BusyRetryArgs } from "../../provider/hooks/hookCallbacks";
import { InstanceBusyError } from "../../provider/hooks/idleGate";
import { fakeTaskList, hookOptions, INSTANCE, type Row } from "./fakeTaskList";

const running = (id = 77): Row => [id, 1, "034"];
const done = (id = 77): Row => [id, 2, "034"];
const LOCKED = `[TencentCloudSDKError] Code=ResourceUnavailable.InstanceLockedError, Message=The instance ${INSTANCE} is locked, RequestId=abc`;

describe("idleHookCallback", () => {
  it("returns once the running task ended: three listings at 0, 1 s and 2.75 s (the backoff schedule)", async () => {
    const fake = fakeTaskList([[running()], [running()], [done()]]);
    await idleHookCallback(hookOptions(), fake.runtime)({ name: "params", newInputs: { instanceId: INSTANCE } });
    expect(fake.listedAt).toEqual([0, 1000, 2750]);
    expect(fake.lines[0]).toMatch(/^\[test params\] instance crs-abcd1234: 1 task running: FLOW_MODIFYINSTANCEPARAMS 77 \(Running, 40%\)/);
    expect(fake.lines.at(-1)).toMatch(/idle, no task running/);
  });

  it("throws at the timeout naming the hook, the resource, the instance and the task", async () => {
    const fake = fakeTaskList([[running(91)]]);
    const attempt = idleHookCallback(hookOptions({ timeout: "10s" }), fake.runtime)({ name: "params", id: INSTANCE });
    await expect(attempt).rejects.toThrow(InstanceBusyError);
    await expect(attempt).rejects.toThrow(/hook test for params: Redis instance crs-abcd1234 was still busy after 10s \(timeout 10s\): FLOW_MODIFYINSTANCEPARAMS 91 \(Running, 40%\) still running/);
    await attempt.catch((error: InstanceBusyError) => expect(error).toMatchObject({ instanceId: INSTANCE, taskId: 91, state: "timedOut" }));
    expect(fake.clock.now()).toBeGreaterThan(9_000);
    expect(fake.clock.now()).toBeLessThanOrEqual(10_000);
  });

  it("with failOn failedSinceStart, throws naming the task that failed meanwhile", async () => {
    const fake = fakeTaskList([[running(5)], [[5, 4, "012"]]]);
    const attempt = idleHookCallback(hookOptions({ failOn: "failedSinceStart" }), fake.runtime)({ name: "backup", oldInputs: { instanceId: INSTANCE } });
    await expect(attempt).rejects.toThrow(/Redis instance crs-abcd1234: task FLOW_BACKUPINSTANCE 5 \(Failed, 100%\) failed while the hook waited/);
    expect(fake.listedAt).toHaveLength(2);
  });

  it("without failOn, a task that failed is not a reason to fail: idle is idle", async () => {
    const fake = fakeTaskList([[running(5)], [[5, 4, "012"]]]);
    await idleHookCallback(hookOptions(), fake.runtime)({ name: "backup", id: INSTANCE });
    expect(fake.listedAt).toHaveLength(2);
  });

  it("counts only the task types asked for (the listing filters them)", async () => {
    const fake = fakeTaskList([[]]);
    await idleHookCallback(hookOptions({ taskTypes: ["FLOW_BACKUPINSTANCE"] }), fake.runtime)({ name: "p", id: INSTANCE });
    expect(fake.listedAt).toHaveLength(1);
  });

  it("passes without a call when no instance is named (an instance not created yet)", async () => {
    const fake = fakeTaskList([[running()]]);
    await idleHookCallback(hookOptions(), fake.runtime)({ name: "cache", id: "", newInputs: { memSize: 1024 } });
    expect(fake.listedAt).toHaveLength(0);
    expect(fake.lines).toEqual([`[test cache] no instance to wait for: no options.instanceId, no instanceId input, and the ID "" is not an instance ID`]);
  });
});

describe("busyRetryCallback", () => {
  const args = (errors: string[], extra: Partial<BusyRetryArgs> = {}): BusyRetryArgs => ({ name: "params", failedOperation: "create", newInputs: { instanceId: INSTANCE }, errors, ...extra });

  it("retries a busy refusal once the instance is idle", async () => {
    const fake = fakeTaskList([[running()], [done()]]);
    await expect(busyRetryCallback(hookOptions(), fake.runtime)(args([LOCKED]))).resolves.toBe(true);
    expect(fake.listedAt).toEqual([0, 1000]);
    expect(fake.lines.at(-1)).toBe("[test params] create: ResourceUnavailable.InstanceLockedError; Redis instance crs-abcd1234 is idle now, retry 1 of 5");
  });

  it("does not retry, nor list, any other error", async () => {
    const fake = fakeTaskList([[]]);
    const other = "[TencentCloudSDKError] Code=InvalidParameter.Param, Message=maxmemory-policy has no value foo, RequestId=x";
    await expect(busyRetryCallback(hookOptions(), fake.runtime)(args([other, LOCKED]))).resolves.toBe(false);
    expect(fake.listedAt).toHaveLength(0);
  });

  it("counts retries from the step's errors: the 5th retry is allowed, a 6th is not", async () => {
    const fake = fakeTaskList([[]]);
    const retry = busyRetryCallback(hookOptions(), fake.runtime);
    await expect(retry(args(Array(5).fill(LOCKED)))).resolves.toBe(true);
    await expect(retry(args(Array(6).fill(LOCKED)))).resolves.toBe(false);
    expect(fake.listedAt).toHaveLength(1);
    expect(fake.lines.at(-1)).toMatch(/InstanceLockedError again after 5 retries \(maxRetries 5\); not retrying/);
    await expect(busyRetryCallback(hookOptions({ maxRetries: 0 }), fake.runtime)(args([LOCKED]))).resolves.toBe(false);
  });

  it("lets the error stand when the lock outlasts the timeout, naming the instance", async () => {
    const fake = fakeTaskList([[running(8)]]);
    await expect(busyRetryCallback(hookOptions({ timeout: "20s" }), fake.runtime)(args([LOCKED]))).resolves.toBe(false);
    expect(fake.clock.now()).toBeGreaterThan(19_000);
    expect(fake.clock.now()).toBeLessThanOrEqual(20_000);
    expect(fake.lines.at(-1)).toMatch(/not retrying: hook test for params: Redis instance crs-abcd1234 was still busy after 20s .*FLOW_MODIFYINSTANCEPARAMS 8/);
  });

  it("lets the error stand when it cannot tell which instance to wait for", async () => {
    const fake = fakeTaskList([[]]);
    await expect(busyRetryCallback(hookOptions(), fake.runtime)(args([LOCKED], { newInputs: {}, id: "" }))).resolves.toBe(false);
    expect(fake.lines.at(-1)).toMatch(/no instance to wait for \(set options\.instanceId\)/);
    expect(fake.listedAt).toHaveLength(0);
  });

  it("waits for options.instanceId when given, over the resource's input", async () => {
    const fake = fakeTaskList([[]]);
    await expect(busyRetryCallback(hookOptions({ instanceId: "crs-other001" }), fake.runtime)(args([LOCKED]))).resolves.toBe(true);
    expect(fake.lines.at(-1)).toMatch(/Redis instance crs-other001 is idle now/);
  });
});
