/**
 * Edits users make to a gate between deployments, through the real Pulumi CLI in a user's project:
 * removing tuning fields, an endpoint written with a trailing slash, and a timeout that passes
 * before the API ever answered.
 */
import { describeWithCli } from "./support/describeWithCli";
import { e2eSuite } from "./support/suite";

jest.setTimeout(180_000);

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
const DEPENDENT = "pulumi-nodejs:dynamic/e2e:Dependent";

const suite = e2eSuite(63_000);

/** A new stack of the gate program waiting for `requestId`, with `config` on top; `env` replaces the emulator endpoint variable. */
function gateStack(requestId: number, config: Record<string, string> = {}, env?: NodeJS.ProcessEnv) {
  return suite.stack("gate", { config: { "e2e-gate:requestId": String(requestId), ...config }, env });
}

describeWithCli("edits between deployments", () => {
  test("removing timeout and the poll intervals from a succeeded gate: `up` records it without a call, and nothing changes afterwards", async () => {
    const id = suite.emulator.task([{ status: 2 }]);
    const stack = await gateStack(id, { "e2e-gate:timeout": "5m" });
    await stack.up();
    const calls = suite.emulator.calls(id);

    await stack.cli(["config", "rm", "e2e-gate:timeout", "--stack", stack.stack]);
    await stack.setConfig({ "e2e-gate:defaultPollIntervals": "true" });
    const edited = await stack.up();
    expect(edited.stdout).toMatch(/~ +pulumi-nodejs:dynamic\/tencentcloud-redis:TaskWait gate updat/);
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    for (const field of ["timeout", "minPollInterval", "maxPollInterval"]) expect(gate.outputs).not.toHaveProperty(field);
    expect(gate.outputs).toMatchObject({ status: 2, statusText: "Succeeded" });
    expect(suite.emulator.calls(id)).toBe(calls);

    await stack.preview(["--expect-no-changes"]);
    await stack.up(["--expect-no-changes"]);
    expect(suite.emulator.calls(id)).toBe(calls);
  });

  test("an endpoint with a trailing slash is stored normalized: no replacement on the next preview or up", async () => {
    const id = suite.emulator.task([{ status: 2 }]);
    const stack = await gateStack(id, { "e2e-gate:endpoint": `${suite.emulator.url}/` }, {});
    await stack.up();
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    expect(gate.inputs?.endpoint).toBe(suite.emulator.url);
    expect(gate.outputs?.endpoint).toBe(suite.emulator.url);
    await stack.preview(["--expect-no-changes"]);
    await stack.up(["--expect-no-changes"]);
    expect(suite.emulator.calls(id)).toBe(1);
  });

  test("a timeout before any answer records no status and says so in the message and the state", async () => {
    const id = suite.emulator.task([{ status: 2 }]);
    // A closed port: every poll is refused, and the timeout (2 s) ends the wait before the 20 s retry window does.
    const stack = await gateStack(id, { "e2e-gate:endpoint": "http://127.0.0.1:9", "e2e-gate:timeout": "2s" }, {});
    const up = await stack.up([], "failure");
    // (The seconds waited are rounded real time: the timeout, or more on a busy machine.)
    expect(up.stdout).toMatch(new RegExp(`Redis task ${id} did not finish within the timeout of 2s: no status received after \\d+s, \\d+ polls\\. The last poll failed: .*ECONNREFUSED`));
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    expect(gate.outputs).not.toHaveProperty("status");
    expect(gate.outputs).toMatchObject({ statusText: "No status received", requestId: id });
    expect(Number(gate.outputs?.polls)).toBeGreaterThanOrEqual(2);
    expect(gate.initErrors?.[0]).toContain("no status received");
    expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(0);
  });
});
