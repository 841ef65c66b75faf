/**
 * examples/backup-gate through the real CLI, from a fresh clone as its README says (`npm ci`,
 * `npm run build`, a stack in the example's directory): the official Node SDK starts a backup on
 * the emulator, a TaskWait gates on its TaskId, and the parameter change comes after. The order is
 * proven with the task clock and the emulator's state, not with timestamps: the backup's task is
 * held until the gate has polled it; until then no ModifyInstanceParams call exists; once released,
 * the change is accepted at the first try (the emulator refuses it while the backup runs).
 */
import { execFile } from "child_process";
import * as path from "path";
import { promisify } from "util";
import { loadScenarioDocument, startEmulator, type RunningEmulator } from "../../provider/emulator";
import { cleanEnv, SECRET_KEY } from "../support/emulatorEnv";
import { describeWithCli } from "./support/describeWithCli";
import { EMULATOR_CONFIG, EMULATOR_SECRETS } from "./support/emulator";
import { freshClone } from "./support/freshClone";
import { findPulumiCliDir } from "./support/pulumiCli";
import { PulumiStack } from "./support/pulumiStack";

jest.setTimeout(600_000);

const HELD_INSTANCE = "crs-e2ehold1";
const BACKUP = "pulumi-nodejs:dynamic/redis-backup-gate:RedisBackup";
const CHANGE = "pulumi-nodejs:dynamic/redis-backup-gate:RedisParamChange";

let example: string;
let emulator: RunningEmulator;
const stacks: PulumiStack[] = [];

beforeAll(async () => {
  if (!findPulumiCliDir()) return;
  const clone = freshClone("backup-gate");
  await promisify(execFile)("npm", ["run", "build"], { cwd: clone, env: cleanEnv() });
  example = path.join(clone, "examples", "backup-gate");
  // The example's own scenario (what its README runs), plus an instance whose tasks the test holds.
  emulator = await startEmulator(loadScenarioDocument(path.join(example, "scenario.json")));
  emulator.addInstance({ instanceId: HELD_INSTANCE, held: true });
});
afterAll(async () => {
  for (const stack of stacks) stack.dispose();
  await emulator?.close();
});

async function exampleStack(name: string, instanceId: string): Promise<PulumiStack> {
  const stack = await PulumiStack.init({
    projectDir: example,
    stack: name,
    env: { TENCENTCLOUD_REDIS_ENDPOINT: emulator.url },
    config: { ...EMULATOR_CONFIG, "redis-backup-gate:instanceId": instanceId, "redis-backup-gate:params": '{"timeout":"300"}' },
    secrets: EMULATOR_SECRETS,
  });
  stacks.push(stack);
  return stack;
}

/** Resolves with the first task started on `instanceId` (the backup), checking at a short interval; 120 s safety net. */
async function firstTaskOf(instanceId: string): Promise<number> {
  for (const until = Date.now() + 120_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const [first] = emulator.instanceTasks(instanceId);
    if (first) return first.requestId;
  }
  throw new Error(`no task was started on ${instanceId} within 120 s`);
}

describeWithCli("examples/backup-gate", () => {
  test("the parameter change is created only after the backup's task ended, and is accepted at once", async () => {
    const stack = await exampleStack("held", HELD_INSTANCE);
    const up = stack.start(["up", "--yes", "--stack", "held"]);
    const backupTask = await firstTaskOf(HELD_INSTANCE);
    await emulator.waitForQueries(backupTask, 1);
    // The gate is waiting on a running backup: nothing has tried the change yet.
    expect(emulator.instanceTasks(HELD_INSTANCE)).toEqual([{ requestId: backupTask, taskType: "FLOW_BACKUPINSTANCE", status: 1 }]);
    expect(emulator.stats().byAction.ModifyInstanceParams).toBeUndefined();

    emulator.setTaskStatus(backupTask, 2);
    const run = await up.done;
    if (run.code !== 0) throw new Error(`\`${run.command}\` exited ${run.code}\n${run.stdout}\n${run.stderr}`);

    const tasks = emulator.instanceTasks(HELD_INSTANCE);
    expect(tasks).toEqual([
      { requestId: backupTask, taskType: "FLOW_BACKUPINSTANCE", status: 2 },
      { requestId: expect.any(Number), taskType: "FLOW_MODIFYINSTANCEPARAMS", status: 1 },
    ]);
    // One call, accepted: had it come while the backup ran, the emulator would have refused it.
    expect(emulator.stats().byAction).toMatchObject({ ManualBackupInstance: 1, ModifyInstanceParams: 1 });
    expect(await stack.outputs()).toEqual({
      backupTaskId: backupTask,
      backupStatus: "Succeeded",
      backupCompletedAt: expect.any(String),
      paramChangeTaskId: tasks[1].requestId,
    });
    const [change] = await stack.resourcesOfType(CHANGE);
    expect(change.outputs).toMatchObject({ afterBackupTask: backupTask, taskId: tasks[1].requestId, instanceId: HELD_INSTANCE, params: { timeout: "300" } });
    expect(JSON.stringify(await stack.exportState())).not.toContain(SECRET_KEY);

    // A second `up` starts no new backup.
    await stack.up(["--expect-no-changes"]);
    expect(emulator.stats().byAction.ManualBackupInstance).toBe(1);
  });

  test("a backup that fails stops `up` with the task's message, and no change is attempted", async () => {
    const before = emulator.stats().byAction.ModifyInstanceParams ?? 0;
    const stack = await exampleStack("fails", "crs-backup02");
    const run = await stack.up([], "failure");
    expect(run.stdout).toContain("Backup of crs-backup02 failed: backup storage quota exceeded");
    expect(run.stdout).toMatch(/Redis task \d+ failed: status 3 \(Failed\)/);
    expect(emulator.stats().byAction.ModifyInstanceParams ?? 0).toBe(before);
    expect(await stack.resourcesOfType(BACKUP)).toHaveLength(1);
    expect(await stack.resourcesOfType(CHANGE)).toEqual([]);
  });
});
