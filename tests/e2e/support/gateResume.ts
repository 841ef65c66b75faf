/**
 * The story a timeout and a Ctrl-C share, for the gate program (`programs/gate`): the gate is
 * recorded as created but not ready and nothing depending on it exists; once its task succeeds,
 * the next `pulumi up` resumes it as an update of the same resource and creates the dependent.
 */
import type { E2eEmulator } from "./emulator";
import type { PulumiStack } from "./pulumiStack";

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
const DEPENDENT = "pulumi-nodejs:dynamic/e2e:Dependent";

/** Asserts the gate on task `id` is recorded not ready, with `status` and an init error matching `reason`. */
export async function expectGateNotReady(stack: PulumiStack, id: number, status: number, reason: RegExp): Promise<void> {
  const [gate] = await stack.resourcesOfType(TASK_WAIT);
  expect(gate.id).toBe(String(id));
  expect(gate.outputs).toMatchObject({ status });
  expect(gate.initErrors?.[0]).toMatch(reason);
  expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(0);
}

/** Lets task `id` succeed, runs `pulumi up`, and asserts it resumed the same gate and went on. */
export async function expectGateResumes(stack: PulumiStack, emulator: E2eEmulator, id: number): Promise<void> {
  emulator.emulator.addTask({ requestId: id, timeline: [{ status: 2 }] });
  const resumed = await stack.up();
  expect(resumed.stdout).toMatch(/~ +pulumi-nodejs:dynamic\/tencentcloud-redis:TaskWait gate updat/);
  const [after] = await stack.resourcesOfType(TASK_WAIT);
  expect(after.id).toBe(String(id));
  expect(after.outputs).toMatchObject({ status: 2, statusText: "Succeeded" });
  expect(after.initErrors ?? []).toHaveLength(0);
  expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(1);
}
