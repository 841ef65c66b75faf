/**
 * InstanceIdle and getInstanceTasksOutput through the real Pulumi CLI, with the emulator's held
 * tasks: the test decides when a task ends and waits for the gate's listings as events.
 */
import { describeWithCli } from "./support/describeWithCli";
import { e2eSuite } from "./support/suite";

jest.setTimeout(240_000);

const INSTANCE_IDLE = "pulumi-nodejs:dynamic/tencentcloud-redis:InstanceIdle";
const DEPENDENT = "pulumi-nodejs:dynamic/e2e:Dependent";

const suite = e2eSuite(16_000);
const emu = () => suite.emulator.emulator;

/** Adds tasks of `instanceId`: `count` that succeeded, plus held running ones; returns the held IDs. */
function instanceWith(instanceId: string, options: { succeeded?: number; running: Array<{ taskType?: string }> }): number[] {
  // Tasks first listed together are ordered newest ID first: the first task added is the oldest.
  const first = suite.emulator.heldTask([{ status: 1, ms: 1 }, { status: 2 }], { instanceId, taskType: options.running[0]?.taskType ?? "FLOW_RESIZE" });
  for (let i = 0; i < (options.succeeded ?? 0); i++) suite.emulator.task([{ status: 2 }], { instanceId, taskType: "FLOW_BACKUPINSTANCE" });
  const rest = options.running.slice(1).map((task) => suite.emulator.heldTask([{ status: 1, ms: 1 }, { status: 2 }], { instanceId, taskType: task.taskType ?? "FLOW_RESIZE" }));
  return [first, ...rest];
}

describeWithCli("InstanceIdle through the CLI", () => {
  test("waits for both running tasks, the oldest of 250 included, and creates the dependent after the last one ends", async () => {
    const instanceId = "crs-e2eidle1";
    const [oldest, newest] = instanceWith(instanceId, { succeeded: 248, running: [{}, { taskType: "FLOW_SETPWD" }] });
    const stack = await suite.stack("gate", { config: { "e2e-gate:instanceId": instanceId } });
    const up = stack.up();
    await emu().waitForListings(instanceId, 2);
    suite.emulator.release(oldest);
    const afterFirst = emu().listingState(instanceId).listings;
    await emu().waitForListings(instanceId, afterFirst + 2);
    expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(0);
    const lastEnded = Date.now();
    suite.emulator.release(newest);
    await up;
    const outputs = await stack.outputs();
    expect(outputs.idle).toBe(true);
    expect((outputs.tasks as Array<{ taskId: number; result: number }>).map((t) => [t.taskId, t.result])).toEqual([
      [oldest, 2],
      [newest, 2],
    ]);
    expect(Date.parse(outputs.dependentCreatedAt as string)).toBeGreaterThanOrEqual(lastEnded);
    // The gate lists with a Result filter: one call per listing, never the 250-task pages.
    const gate = (await stack.resourcesOfType(INSTANCE_IDLE))[0];
    expect(emu().listingState(instanceId).calls).toBe(emu().listingState(instanceId).listings);
    expect(gate.outputs!.polls).toBe(emu().listingState(instanceId).calls);

    // A preview after a successful up makes no API call.
    const calls = emu().stats().requests;
    await stack.preview();
    expect(emu().stats().requests).toBe(calls);

    // getInstanceTasksOutput reads every page: 250 tasks in three calls.
    await stack.setConfig({ "e2e-gate:listTasks": "true" });
    const before = emu().listingState(instanceId);
    await stack.up();
    const listed = await stack.outputs();
    expect(listed.totalCount).toBe(250);
    expect(listed.taskIds as number[]).toHaveLength(250);
    expect(listed.taskIds as number[]).toContain(oldest);
    // `up` runs the program at preview and at update: each listing took three pages.
    const after = emu().listingState(instanceId);
    expect(after.listings).toBeGreaterThan(before.listings);
    expect(after.calls - before.calls).toBe(3 * (after.listings - before.listings));

    // Deleting the gate makes no API call (the program, without listTasks, makes none either).
    await stack.setConfig({ "e2e-gate:listTasks": "false" });
    const beforeDestroy = emu().stats().requests;
    await stack.destroy();
    expect(emu().stats().requests).toBe(beforeDestroy);

  });

  test('failOn "failedSinceStart": a task failing mid-wait stops up naming it, and no dependent is created', async () => {
    const instanceId = "crs-e2efail1";
    const [running] = instanceWith(instanceId, { running: [{}] });
    const stack = await suite.stack("gate", { config: { "e2e-gate:instanceId": instanceId, "e2e-gate:failOn": "failedSinceStart" } });
    const up = stack.up([], "failure");
    await emu().waitForListings(instanceId, 2);
    suite.emulator.setStatus(running, 3, "disk full");
    const run = await up;
    expect(run.stdout + run.stderr).toContain(`Redis task ${running} (FLOW_RESIZE) on instance ${instanceId} failed during the wait`);
    expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(0);
  });

  test("taskTypes ignores a long task of another type", async () => {
    const instanceId = "crs-e2etype1";
    instanceWith(instanceId, { running: [{ taskType: "FLOW_BACKUPINSTANCE" }] });
    const stack = await suite.stack("gate", { config: { "e2e-gate:instanceId": instanceId, "e2e-gate:taskTypes": '["FLOW_RESIZE"]' } });
    await stack.up();
    const outputs = await stack.outputs();
    expect(outputs.idle).toBe(true);
    expect(outputs.tasks).toEqual([]);
    expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(1);
  });

  test("a timeout records the gate not ready; the next up resumes it under the same ID", async () => {
    const instanceId = "crs-e2eresu1";
    const [running] = instanceWith(instanceId, { running: [{}] });
    const stack = await suite.stack("gate", { config: { "e2e-gate:instanceId": instanceId, "e2e-gate:timeout": "2s" } });
    const first = await stack.up([], "failure");
    expect(first.stdout + first.stderr).toContain(`Redis instance ${instanceId} was not idle within the timeout of 2s`);
    const [recorded] = await stack.resourcesOfType(INSTANCE_IDLE);
    expect(recorded.outputs!.idle).toBe(false);
    expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(0);
    suite.emulator.release(running);
    await stack.up();
    const [resumed] = await stack.resourcesOfType(INSTANCE_IDLE);
    expect(resumed.id).toBe(recorded.id);
    expect(resumed.outputs).toMatchObject({ idle: true, tasks: [{ taskId: running, result: 2 }] });
    expect(resumed.outputs!.polls as number).toBeGreaterThan(recorded.outputs!.polls as number);
  });

  test("bad input fails at preview naming the field", async () => {
    const stack = await suite.stack("gate", { config: { "e2e-gate:instanceId": "crs-BAD", "e2e-gate:taskTypes": '["RESIZE"]' } });
    const run = await stack.preview([], "failure");
    const text = run.stdout + run.stderr;
    expect(text).toContain('instanceId must be a Redis instance ID as the console shows it, "crs-" and 8 lower-case letters or digits');
    expect(text).toContain('taskTypes[0] "RESIZE" is not a Redis task type; valid names: FLOW_CREATE, FLOW_RESIZE');
  });
});
