/**
 * The provider plugin's door, as safe as the dynamic one, through the real Pulumi CLI: a secret
 * requestId (from outside stack config, which the CLI would mask by itself) stays out of the
 * resource ID, progress lines, failure, timeout and check messages and getTaskInfo's errors (both
 * doors); progress while a task runs is ephemeral, the final line stays; Diff names what changed;
 * `pulumi import` of a gate by task ID. Tasks are terminal or running forever, with the gate's own
 * timeout: nothing depends on wall-clock margins.
 */
import { describeWithCli } from "./support/describeWithCli";
import { pluginConfig, PLUGIN_SECRETS } from "./support/emulator";
import type { CliRun, PulumiStack } from "./support/pulumiStack";
import { e2eSuite } from "./support/suite";

jest.setTimeout(240_000);

const TASK_WAIT = "tencentcloud-redis-task:index:TaskWait";

// Seven digits, so that no port, count or time in the output contains them by chance.
const suite = e2eSuite(6_800_000);

/** A stack of the plugin program configured as users configure the plugin. */
function pluginStack(config: Record<string, string> = {}): Promise<PulumiStack> {
  return suite.stack("plugin-secret", { config: { ...pluginConfig(suite.emulator), ...config }, secrets: PLUGIN_SECRETS, env: {} });
}

/** Every text the stack shows or stores without --show-secrets. */
async function visible(stack: PulumiStack, ...runs: CliRun[]): Promise<string> {
  return [...runs.map((r) => r.stdout + r.stderr), JSON.stringify(await stack.exportState())].join("\n");
}

/** The "Diagnostics:" section of a run's output: the messages that stay once the run is over. */
function diagnostics(run: CliRun): string {
  const start = run.stdout.indexOf("Diagnostics:");
  if (start < 0) return "";
  const rest = run.stdout.slice(start);
  const end = rest.search(/\n(Outputs|Resources):/);
  return end < 0 ? rest : rest.slice(0, end);
}

const secretEnv = (id: number | string) => ({ E2E_SECRET_REQUEST_ID: String(id) });

describeWithCli("the plugin door with a secret requestId", () => {
  test("a succeeded gate: random resource ID, [secret] in its line, which stays in the diagnostics; the ID nowhere", async () => {
    const id = suite.emulator.task([{ status: 2 }]);
    const stack = await pluginStack();
    const up = await stack.up([], "success", secretEnv(id));
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    expect(gate.id).toMatch(/^secret-[0-9a-f-]{36}$/);
    expect(gate.outputs?.requestId).toHaveProperty("ciphertext");
    expect(gate.outputs).toMatchObject({ status: 2, requestIdIsSecret: true });
    expect(diagnostics(up)).toMatch(/\[TaskWait gate\] task \[secret\]: Succeeded, 1 polls/);
    const preview = await stack.preview(["--expect-no-changes"], "success", secretEnv(id));
    expect(await visible(stack, up, preview)).not.toContain(String(id));
    expect(JSON.stringify(await stack.exportState(true))).toContain(String(id));
  });

  test("a timeout: [secret] in the message and the recorded gate; progress lines were ephemeral (not in the diagnostics)", async () => {
    const id = suite.emulator.task([{ status: 1 }]);
    const stack = await pluginStack({ timeout: "1s" });
    const up = await stack.up([], "failure", secretEnv(id));
    expect(suite.emulator.calls(id)).toBeGreaterThanOrEqual(1);
    expect(up.stdout).toContain("Redis task [secret] did not finish within the timeout of 1s: last status 1 (Executing)");
    // The line was shown while it ran (the row's status), but the summary keeps only what stays.
    expect(up.stdout).toMatch(/\[TaskWait gate\] task \[secret\]: Executing/);
    expect(diagnostics(up)).not.toMatch(/\[TaskWait gate\] task \[secret\]: Executing/);
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    expect(gate.id).toMatch(/^secret-/);
    expect(gate.initErrors?.[0]).toContain("Redis task [secret] did not finish");
    expect(await visible(stack, up)).not.toContain(String(id));
  });

  test("a failed task's message, with the ID echoed by the API, and a check failure show [secret]", async () => {
    const id = suite.emulator.task([{ status: 3 }], { taskMessage: "" });
    suite.emulator.emulator.addTask({ requestId: id, timeline: [{ status: 3 }], taskMessage: `task ${id}: resize failed` });
    const stack = await pluginStack();
    const up = await stack.up([], "failure", secretEnv(id));
    expect(up.stdout).toMatch(/Redis task \[secret\] failed: status 3 \(Failed\)/);
    const bad = await stack.preview([], "failure", secretEnv("98x7654"));
    expect(bad.stdout).toContain("requestId must be a non-negative integer task ID");
    expect(bad.stdout).toContain("[secret]");
    expect(await visible(stack, up, bad)).not.toMatch(new RegExp(`${id}|98x7654`));
  });

  test("getTaskInfo's error on a task the API does not know shows [secret], through the plugin and in the dynamic door", async () => {
    const unknown = 6_899_999; // never added to the emulator
    const plugin = await pluginStack({ onlyTaskInfo: "true", readTaskInfo: "true" });
    const viaPlugin = await plugin.up([], "failure", secretEnv(unknown));
    expect(viaPlugin.stdout + viaPlugin.stderr).toContain("DescribeTaskInfo for Redis task [secret] failed");
    expect(await visible(plugin, viaPlugin)).not.toContain(String(unknown));

    const dynamic = await suite.stack("gate", { config: { "e2e-gate:requestId": "0", "e2e-gate:readTaskInfo": "true", "e2e-gate:timeout": "1s" } });
    const viaProgram = await dynamic.up([], "failure", secretEnv(unknown));
    expect(viaProgram.stdout + viaProgram.stderr).toContain("DescribeTaskInfo for Redis task [secret] failed");
    expect(await visible(dynamic, viaProgram)).not.toContain(String(unknown));
  });
});

describeWithCli("the plugin's Diff and import", () => {
  test("a resume lists status; a changed default region is a replace that lists region", async () => {
    const id = suite.emulator.task([{ status: 1 }]);
    const stack = await pluginStack({ requestId: String(id), timeout: "1s" });
    await stack.up([], "failure");
    const resume = await stack.preview(["--json"]);
    const resumeStep = JSON.parse(resume.stdout).steps.find((s: { urn: string }) => s.urn.endsWith("::gate"));
    expect(resumeStep).toMatchObject({ op: "update", diffReasons: ["status"] });
    expect(resumeStep.detailedDiff).toEqual({ status: { kind: "update", inputDiff: false } });

    await stack.setConfig({ "tencentcloud-redis-task:region": "ap-shanghai" });
    const moved = await stack.preview(["--json"]);
    const movedStep = JSON.parse(moved.stdout).steps.find((s: { urn: string; op: string }) => s.urn.endsWith("::gate") && s.op === "replace");
    expect(movedStep.replaceReasons).toEqual(["region"]);
    expect(movedStep.detailedDiff.region).toEqual({ kind: "update-replace", inputDiff: true });
  });

  test("`pulumi import` of a gate by its task ID records it with the task's status", async () => {
    const id = suite.emulator.task([{ status: 2 }]);
    const stack = await pluginStack({ onlyTaskInfo: "true", requestId: "1" });
    const run = await stack.cli(["import", TASK_WAIT, "imported", String(id), "--yes", "--stack", stack.stack]);
    expect(run.stdout).toMatch(/requestId\W+(:\s*)?\d+|new TaskWait|tencentcloud-redis-task:index:TaskWait/);
    const [gate] = await stack.resourcesOfType(TASK_WAIT);
    expect(gate.id).toBe(String(id));
    expect(gate.outputs).toMatchObject({ requestId: id, status: 2, statusText: "Succeeded", apiVersion: "v2", region: "ap-guangzhou" });
    expect(gate.inputs).toEqual({ requestId: id });
    expect(suite.emulator.calls(id)).toBeGreaterThanOrEqual(1);
  });
});
