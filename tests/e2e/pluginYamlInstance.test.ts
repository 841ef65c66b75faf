/**
 * The instance gate from a YAML program through the provider plugin (no SDK): InstanceIdle waits
 * for a held running task released only after the gate's first listing, the dependent is created
 * after it, and getInstanceTasks (fn::invoke) returns every task of a listing longer than a page.
 * Every wait is on an emulator event (a listing, a release), never on a wall-clock margin.
 */
import { E2eEmulator, pluginConfig, PLUGIN_SECRETS } from "./support/emulator";
import { describeWithCli } from "./support/describeWithCli";
import { PulumiStack } from "./support/pulumiStack";
import { userProject } from "./support/userProject";

jest.setTimeout(180_000);

const GATED = "crs-yamlidl1";
const LISTED = "crs-yamltsk1";

describeWithCli("InstanceIdle and getInstanceTasks from YAML through the plugin", () => {
  let emulator: E2eEmulator;
  let stack: PulumiStack | undefined;

  beforeAll(async () => {
    emulator = await E2eEmulator.start(64_500);
  });
  afterAll(async () => {
    stack?.dispose();
    await emulator?.close();
  });

  test("up: the gate waits for the running task, the dependent follows it; the invoke reads every page", async () => {
    const running = emulator.heldTask([{ status: 1, ms: 1 }, { status: 2 }], { instanceId: GATED, taskType: "FLOW_RESIZE" });
    emulator.task([{ status: 2 }], { instanceId: GATED, taskType: "FLOW_BACKUPINSTANCE" });
    // 130 tasks: two pages of 100, so only paging returns them all.
    const listedIds = Array.from({ length: 130 }, (_, i) => emulator.task([{ status: i === 0 ? 1 : 2 }], { instanceId: LISTED, taskType: "FLOW_BACKUPINSTANCE" }));
    const after = emulator.task([{ status: 2 }]);
    stack = await PulumiStack.init({
      projectDir: userProject("plugin-yaml-instance"),
      config: { ...pluginConfig(emulator), instanceId: GATED, listedInstanceId: LISTED, afterRequestId: String(after) },
      secrets: PLUGIN_SECRETS,
    });

    const up = stack.up();
    // The gate's first listing sees the task running; only then does it end.
    await emulator.emulator.waitForListings(GATED, 1);
    const dependentCallsAtRelease = emulator.calls(after);
    emulator.release(running);
    const done = await up;

    expect(dependentCallsAtRelease).toBe(0);
    expect(emulator.calls(after)).toBeGreaterThanOrEqual(1);
    const outputs = await stack.outputs();
    expect(outputs).toMatchObject({ idleInstanceId: GATED, afterStatus: 2, listedTotalCount: 130 });
    expect(outputs.idleTasks).toEqual([expect.objectContaining({ taskId: running, taskType: "FLOW_RESIZE", result: 2 })]);
    expect(Number(outputs.idlePolls)).toBeGreaterThanOrEqual(2);
    const listed = outputs.listedTasks as Array<{ taskId: number; taskType: string; instanceId: string; result: number }>;
    expect(listed.map((task) => task.taskId).sort((a, b) => a - b)).toEqual(listedIds);
    expect(listed.every((task) => task.instanceId === LISTED && task.taskType === "FLOW_BACKUPINSTANCE")).toBe(true);
    expect(listed.find((task) => task.taskId === listedIds[0])?.result).toBe(1);
    expect(done.stdout).not.toContain(PLUGIN_SECRETS["tencentcloud-redis-task:secretKey"]);

    // Recorded as idle: the next preview changes nothing and lists nothing for the gate.
    const listingsBefore = emulator.emulator.listingState(GATED).listings;
    await stack.preview(["--expect-no-changes"]);
    expect(emulator.emulator.listingState(GATED).listings).toBe(listingsBefore);
  });
});
