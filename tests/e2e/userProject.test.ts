/**
 * A user's project through the real Pulumi CLI: the package installed from its tarball outside the
 * repository, the emulator as the API, credentials in stack config as `pulumi config set` puts them.
 */
import { SECRET_KEY } from "../support/emulatorEnv";
import type { PulumiStack } from "./support/pulumiStack";
import { describeWithCli } from "./support/describeWithCli";
import { expectGateNotReady, expectGateResumes } from "./support/gateResume";
import { e2eSuite } from "./support/suite";

jest.setTimeout(240_000);

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
const DEPENDENT = "pulumi-nodejs:dynamic/e2e:Dependent";

const suite = e2eSuite(61_000);

/** A new stack of the gate program waiting for `requestId`, with `config` on top. */
function gateStack(requestId: number, config: Record<string, string> = {}): Promise<PulumiStack> {
  return suite.stack("gate", { config: { "e2e-gate:requestId": String(requestId), ...config } });
}

describeWithCli("a user's project", () => {
  test("a gate holds the dependent until its task succeeds, shows progress, and needs no change afterwards", async () => {
    const id = suite.emulator.heldTask([{ status: 1 }]);
    const stack = await gateStack(id);
    // The task succeeds once the gate has shown it executing, however slowly the machine runs.
    const up = await stack.upUntil(new RegExp(`task ${id}: Executing`), () => suite.emulator.setStatus(id, 2));
    expect(up.stdout).toMatch(new RegExp(`\\[TaskWait gate\\] task ${id}: Executing`));
    expect(up.stdout).toMatch(new RegExp(`\\[TaskWait gate\\] task ${id}: Succeeded`));
    const outputs = await stack.outputs();
    expect(outputs).toMatchObject({ status: 2, statusText: "Succeeded" });
    expect(Date.parse(String(outputs.dependentCreatedAt))).toBeGreaterThanOrEqual(Date.parse(String(outputs.completedAt)));
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    expect(gate.id).toBe(String(id));
    expect(gate.outputs).toMatchObject({ requestId: id, status: 2, region: "ap-guangzhou" });

    const calls = suite.emulator.calls(id);
    await stack.preview(["--expect-no-changes"]);
    await stack.up(["--expect-no-changes"]);
    expect(suite.emulator.calls(id)).toBe(calls);
  });

  test("a failing task fails `pulumi up` with the task's status and API 3.0 message, and the dependent is not created", async () => {
    const id = suite.emulator.task([{ status: 1, ms: 500 }, { status: 3 }], { taskMessage: "resize failed: no capacity in ap-guangzhou-3" });
    const stack = await gateStack(id, { "e2e-gate:apiVersion": "v3" });
    const up = await stack.up([], "failure");
    expect(up.stdout).toMatch(new RegExp(`Redis task ${id} failed: status 3 \\(Failed\\) after \\d+s, \\d+ polls: resize failed: no capacity in ap-guangzhou-3`));
    expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(0);
  });

  test("no secret reaches the CLI output or the exported state", async () => {
    const id = suite.emulator.task([{ status: 1, ms: 300 }, { status: 2 }]);
    const stack = await gateStack(id);
    const up = await stack.up();
    const exported = JSON.stringify(await stack.exportState());
    for (const text of [up.stdout, up.stderr, exported]) expect(text).not.toContain(SECRET_KEY);
  });

  test("a timeout records the gate as not ready; the next `pulumi up` resumes it as an update of the same resource", async () => {
    const id = suite.emulator.task([{ status: 1 }]);
    const stack = await gateStack(id, { "e2e-gate:timeout": "2s" });
    const timedOut = await stack.up([], "failure");
    expect(timedOut.stdout).toMatch(new RegExp(`Redis task ${id} did not finish within the timeout of 2s: last status 1 \\(Executing\\)`));
    await expectGateNotReady(stack, id, 1, /did not finish within the timeout/);
    await expectGateResumes(stack, suite.emulator, id);
  });

  test("customTimeouts.create is the wait's deadline when no timeout is given", async () => {
    const id = suite.emulator.task([{ status: 1 }]);
    const stack = await gateStack(id, { "e2e-gate:customCreateTimeout": "3s" });
    const up = await stack.up([], "failure");
    expect(up.stdout).toMatch(new RegExp(`Redis task ${id} did not finish within the timeout of 3s`));
  });

  test("ignoreChanges on requestId keeps the gate when the program names another task", async () => {
    const first = suite.emulator.task([{ status: 2 }]);
    const stack = await gateStack(first, { "e2e-gate:ignoreChanges": JSON.stringify(["requestId"]) });
    await stack.up();
    const second = suite.emulator.task([{ status: 1 }]);
    await stack.setConfig({ "e2e-gate:requestId": String(second) });
    await stack.preview(["--expect-no-changes"]);
    await stack.up(["--expect-no-changes"]);
    expect(suite.emulator.calls(second)).toBe(0);
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    expect(gate.id).toBe(String(first));
  });

  test("getTaskInfoOutput reads a task's state into stack outputs, during preview too", async () => {
    const id = suite.emulator.task([{ status: 2 }], { instanceId: "crs-info" });
    const stack = await gateStack(id, { "e2e-gate:readTaskInfo": "true" });
    const preview = await stack.preview();
    expect(preview.stdout).toMatch(/infoStatusText *: "Succeeded"/);
    await stack.up();
    expect(await stack.outputs()).toMatchObject({ infoStatusText: "Succeeded", infoInstanceId: "crs-info" });
  });
});
