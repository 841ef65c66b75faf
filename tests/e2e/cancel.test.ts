/**
 * Ctrl-C during a long wait, through the real CLI: SIGINT to `pulumi up` while a gate waits on a
 * task that keeps executing. The engine sends the provider `Cancel`; the wait ends at once, the gate
 * is recorded as not ready, and the next `pulumi up` resumes it (an update of the same resource).
 */
import { E2eEmulator, EMULATOR_CONFIG, EMULATOR_SECRETS } from "./support/emulator";
import { PulumiStack } from "./support/pulumiStack";
import { describeWithCli } from "./support/describeWithCli";
import { userProject } from "./support/userProject";

jest.setTimeout(180_000);

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
const DEPENDENT = "pulumi-nodejs:dynamic/e2e:Dependent";

let emulator: E2eEmulator;
let stack: PulumiStack | undefined;

beforeAll(async () => {
  emulator = await E2eEmulator.start(62_000);
});
afterAll(async () => {
  stack?.dispose();
  await emulator?.close();
});

describeWithCli("Ctrl-C", () => {
  test("the first SIGINT ends a 10-minute wait within seconds, and the next `pulumi up` resumes the gate", async () => {
    const id = emulator.task([{ status: 1 }]);
    stack = await PulumiStack.init({
      projectDir: userProject("gate"),
      env: { TENCENTCLOUD_REDIS_ENDPOINT: emulator.url },
      config: { ...EMULATOR_CONFIG, "e2e-gate:requestId": String(id), "e2e-gate:timeout": "10m" },
      secrets: EMULATOR_SECRETS,
    });
    const { child, done, waitForOutput } = stack.start(["up", "--yes", "--skip-preview", "--stack", stack.stack]);
    await waitForOutput(new RegExp(`task ${id}: Executing`), 60_000);
    const signalledAt = Date.now();
    child.kill("SIGINT");
    const run = await done;
    const exitMs = Date.now() - signalledAt;

    expect(run.code).not.toBe(0);
    expect(exitMs).toBeLessThan(5_000);
    expect(run.stdout).toMatch(new RegExp(`Redis task ${id}: the deployment was cancelled \\(Ctrl-C\\) while waiting, last status 1 \\(Executing\\)`));
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    expect(gate.id).toBe(String(id));
    expect(gate.outputs).toMatchObject({ status: 1, statusText: "Executing" });
    expect(gate.initErrors?.[0]).toMatch(/cancelled \(Ctrl-C\)/);
    expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(0);

    // The task finishes while nobody waits; the next `up` resumes the same gate and goes on.
    emulator.emulator.addTask({ requestId: id, timeline: [{ status: 2 }] });
    const resumed = await stack.up();
    expect(resumed.stdout).toMatch(/~ +pulumi-nodejs:dynamic\/tencentcloud-redis:TaskWait gate updat/);
    const [after] = await stack.resourcesOfType(TASK_WAIT);
    expect(after.id).toBe(String(id));
    expect(after.outputs).toMatchObject({ status: 2, statusText: "Succeeded" });
    expect(after.initErrors ?? []).toHaveLength(0);
    expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(1);
  });
});
