/**
 * A secret requestId through the real Pulumi CLI. The secret comes from the environment, not from
 * stack config: the CLI masks secret config values in all output by itself, so only a secret from
 * elsewhere shows whether the provider keeps it out of progress lines, messages and the state.
 */
import { describeWithCli } from "./support/describeWithCli";
import type { PulumiStack } from "./support/pulumiStack";
import { e2eSuite } from "./support/suite";

jest.setTimeout(180_000);

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";

// Seven digits, so that no port, count or time in the output contains them by chance.
const suite = e2eSuite(6_700_000);

/** A gate stack whose requestId is `pulumi.secret(id)`; returns the stack and the env its commands need. */
async function secretGate(id: number, config: Record<string, string> = {}) {
  const stack = await suite.stack("gate", { config: { "e2e-gate:requestId": "0", ...config } });
  return { stack, env: { E2E_SECRET_REQUEST_ID: String(id) } };
}

/** Every text the stack shows or stores without --show-secrets. */
async function visible(stack: PulumiStack, ...outputs: { stdout: string; stderr: string }[]): Promise<string> {
  return [...outputs.map((o) => o.stdout + o.stderr), JSON.stringify(await stack.exportState())].join("\n");
}

describeWithCli("a secret requestId", () => {
  test("progress lines show [secret], the state keeps the ID encrypted under a random resource ID, and nothing shows it", async () => {
    const id = suite.emulator.heldTask([{ status: 1 }]);
    const { stack, env } = await secretGate(id);
    // The task succeeds once the gate has shown it executing, however slowly the machine runs.
    const up = await stack.upUntil(/\[TaskWait gate\] task \[secret\]: Executing/, () => suite.emulator.setStatus(id, 2), { env });
    expect(up.stdout).toContain("[TaskWait gate] task [secret]: Executing");
    expect(up.stdout).toContain("[TaskWait gate] task [secret]: Succeeded");
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    expect(gate.id).toMatch(/^secret-[0-9a-f-]{36}$/);
    expect(gate.outputs?.requestId).toHaveProperty("ciphertext");
    expect(gate.outputs).toMatchObject({ status: 2, requestIdIsSecret: true });
    // The value is there, only encrypted.
    expect(JSON.stringify(await stack.exportState(true))).toContain(String(id));

    const preview = await stack.preview(["--expect-no-changes"], "success", env);
    expect(await visible(stack, up, preview)).not.toContain(String(id));
  });

  test("a failed task's message, with the ID echoed by the API, shows [secret]", async () => {
    const id = suite.emulator.task([{ status: 3 }]);
    suite.emulator.emulator.addTask({ requestId: id, timeline: [{ status: 3 }], taskMessage: `task ${id}: resize failed, no capacity` });
    const { stack, env } = await secretGate(id, { "e2e-gate:apiVersion": "v3" });
    const up = await stack.up([], "failure", env);
    // One poll: it failed at the first answer (the seconds are rounded real time).
    expect(up.stdout).toMatch(/Redis task \[secret\] failed: status 3 \(Failed\) after \d+s, 1 poll: task \[secret\]: resize failed, no capacity/);
    expect(await visible(stack, up)).not.toContain(String(id));
  });

  test("a timeout's message and the gate recorded as not ready show no ID", async () => {
    const id = suite.emulator.task([{ status: 1 }]);
    const { stack, env } = await secretGate(id, { "e2e-gate:timeout": "1s" });
    const up = await stack.up([], "failure", env);
    expect(up.stdout).toContain("Redis task [secret] did not finish within the timeout of 1s: last status 1 (Executing)");
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    expect(gate.initErrors?.[0]).toContain("Redis task [secret] did not finish");
    expect(gate.id).toMatch(/^secret-/);
    expect(await visible(stack, up)).not.toContain(String(id));
  });
});
