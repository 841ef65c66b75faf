/**
 * The provider plugin's story through the real CLI, the same for every language (ProgramTest
 * style: one program, one stack carried through the steps, a second stack for the failure): a
 * program with a gate, a second TaskWait that depends on it, and getTaskInfo exported.
 *
 * 1. preview of a new gate: its computed outputs are unknown, and the example policy pack lets it pass;
 * 2. up: the gate waits (progress shown under the resource), the dependent comes after it;
 * 3. a failing task stops `up` with the task's message, and the dependent is not created;
 * 4. a timeout records the gate as not ready; the next `up` resumes it as an update of the same ID;
 * 5. SIGINT during a 10-minute wait ends `up` within seconds; the next `up` after the task succeeded
 *    completes the same gate.
 */
import { E2eEmulator, pluginConfig, PLUGIN_SECRETS } from "./emulator";
import { PulumiStack, type CliRun, type ExportedResource } from "./pulumiStack";
import { describeWithCli } from "./describeWithCli";
import { CLI_CANCEL_SAFETY_NET_MS } from "../../support/safetyNets";
import { userProject } from "./userProject";
import { plannedOutputs, previewEvents, STREAMING_PREVIEW } from "./previewEvents";
import { installExamplePolicyPack } from "../../support/policyAnalyzer";
import { packedProject } from "../../support/packedProject";
import { REGION, SECRET_ID, SECRET_KEY } from "../../support/emulatorEnv";

const TASK_WAIT = "tencentcloud-redis-task:index:TaskWait";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A language's program and what it needs before the first command. */
export interface PluginProgram {
  /** The program directory under tests/e2e/programs. */
  program: string;
  /** The first task ID of this file's emulator, so files never share a task. */
  firstId: number;
  /** Readies the copied program (a virtualenv, say); runs before the first command. */
  prepare?: (projectDir: string) => void;
}

/** The gate named `name` with ID `id` in the exported state (a replaced one may linger beside it). */
async function gateInState(stack: PulumiStack, id: number, name = "gate"): Promise<ExportedResource | undefined> {
  return (await stack.resourcesOfType(TASK_WAIT)).find((r) => r.urn.endsWith(`::${name}`) && r.id === String(id));
}

/** Defines the story's tests for one language. */
export function describePluginProgram(language: string, options: PluginProgram): void {
  describeWithCli(`the provider plugin from ${language}`, () => {
    let emulator: E2eEmulator;
    let projectDir: string;
    let stack: PulumiStack;
    const stacks: PulumiStack[] = [];

    /** A stack of the program on its own backend, configured as a user configures the plugin. */
    async function newStack(config: Record<string, string>, secrets: Record<string, string> = PLUGIN_SECRETS): Promise<PulumiStack> {
      const created = await PulumiStack.init({ projectDir, config: { ...pluginConfig(emulator), ...config }, secrets });
      stacks.push(created);
      return created;
    }

    beforeAll(async () => {
      emulator = await E2eEmulator.start(options.firstId);
      projectDir = userProject(options.program);
      options.prepare?.(projectDir);
    });
    afterAll(async () => {
      for (const each of stacks) each.dispose();
      await emulator?.close();
    });

    test("preview of a new gate: its computed outputs are unknown, and the policy pack lets it pass", async () => {
      const gateTask = emulator.task([{ status: 1 }], { instanceId: "crs-e2e" });
      stack = await newStack({ requestId: String(gateTask), afterRequestId: String(emulator.task([{ status: 2 }])) });
      const packDir = installExamplePolicyPack(packedProject());
      // The pack sees no stack config: its live policy takes credentials and endpoint from the environment.
      const policyEnv = { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: emulator.url };
      const preview = await stack.preview(["--json", "--policy-pack", packDir], "success", { ...STREAMING_PREVIEW, ...policyEnv });
      expect(plannedOutputs(preview, "gate")).toMatchObject({
        requestId: gateTask,
        region: REGION,
        apiVersion: "v2",
        timeout: "5m",
        status: UNKNOWN,
        statusText: UNKNOWN,
        completedAt: UNKNOWN,
        waitedSeconds: UNKNOWN,
        polls: UNKNOWN,
      });
      const events = previewEvents(preview);
      // The pack ran (its live policy queried the task) and reported nothing, mandatory or advisory.
      expect(events.some((e) => e.policyLoadEvent || e.policyAnalyzeSummaryEvent)).toBe(true);
      expect(events.filter((e) => e.policyEvent)).toEqual([]);
      expect(emulator.calls(gateTask)).toBeGreaterThanOrEqual(2);
    });

    test("up: the gate waits for its task, showing progress under the resource; the dependent comes after; getTaskInfo is exported", async () => {
      const [gateTask] = [Number((await stack.cli(["config", "get", "requestId", "--stack", stack.stack])).stdout.trim())];
      // Held executing (the previous preview's queries left it so): it succeeds once the gate has
      // shown it executing, however long this up's preview, program and getTaskInfo take.
      emulator.emulator.addTask({ requestId: gateTask, timeline: [{ status: 1 }], held: true, instanceId: "crs-e2e" });
      const executing = new RegExp(`\\[TaskWait gate\\] task ${gateTask}: Executing, \\d+ polls`);
      const up = await stack.upUntil(executing, () => emulator.setStatus(gateTask, 2));
      expect(up.stdout).toMatch(executing);
      const outputs = await stack.outputs();
      expect(outputs).toMatchObject({ status: 2, statusText: "Succeeded", infoInstanceId: "crs-e2e" });
      expect(["Waiting", "Executing", "Succeeded"]).toContain(outputs.infoStatusText);
      expect(Number(outputs.polls)).toBeGreaterThanOrEqual(2);
      expect(Date.parse(String(outputs.afterCompletedAt))).toBeGreaterThanOrEqual(Date.parse(String(outputs.completedAt)));
      expect((await gateInState(stack, gateTask))?.outputs).toMatchObject({ requestId: gateTask, status: 2, region: REGION });
      for (const text of [up.stdout, up.stderr, JSON.stringify(await stack.exportState())]) expect(text).not.toContain(SECRET_KEY);
      await stack.preview(["--expect-no-changes"]);
    });

    test("a failing task stops `up` with the task's message, and the dependent is not created", async () => {
      // This stack's secret key is set in plain text: the plugin's CheckConfig still keeps it out of state.
      const config = {
        requestId: String(emulator.task([{ status: 1, ms: 300 }, { status: 3 }], { taskMessage: "resize failed: no capacity in ap-guangzhou-3" })),
        afterRequestId: String(emulator.task([{ status: 2 }])),
        apiVersion: "v3",
      };
      const failing = await newStack({ ...config, ...PLUGIN_SECRETS }, {});
      const up = await failing.up([], "failure");
      expect(up.stdout).toMatch(/Redis task \d+ failed: status 3 \(Failed\) after \d+s, \d+ polls?: resize failed: no capacity in ap-guangzhou-3/);
      expect((await failing.resourcesOfType(TASK_WAIT)).filter((r) => r.urn.endsWith("::after"))).toEqual([]);
      expect(JSON.stringify(await failing.exportState())).not.toContain(SECRET_KEY);
    });

    test("a timeout records the gate as not ready; the next `up` resumes it as an update of the same ID", async () => {
      const task = emulator.task([{ status: 1 }]);
      await stack.setConfig({ requestId: String(task), timeout: "2s" });
      const timedOut = await stack.up([], "failure");
      expect(timedOut.stdout).toMatch(new RegExp(`Redis task ${task} did not finish within the timeout of 2s: last status 1 \\(Executing\\)`));
      const notReady = await gateInState(stack, task);
      expect(notReady?.outputs).toMatchObject({ status: 1, statusText: "Executing" });
      expect(notReady?.initErrors?.[0]).toContain("the next `pulumi up` resumes the wait");

      emulator.emulator.addTask({ requestId: task, timeline: [{ status: 2 }] });
      const resumed = await stack.up();
      expectUpdated(resumed);
      const ready = await gateInState(stack, task);
      expect(ready?.outputs).toMatchObject({ status: 2, statusText: "Succeeded" });
      expect(ready?.initErrors ?? []).toEqual([]);
    });

    test("SIGINT during a 10-minute wait ends `up` within seconds; the next `up` after the task succeeded completes the gate", async () => {
      const task = emulator.task([{ status: 1 }]);
      await stack.setConfig({ requestId: String(task), timeout: "10m" });
      const { child, done, waitForOutput } = stack.start(["up", "--yes", "--skip-preview", "--stack", stack.stack]);
      await waitForOutput(new RegExp(`task ${task}: Executing`));
      const signalledAt = Date.now();
      child.kill("SIGINT");
      const run = await done;
      const exitMs = Date.now() - signalledAt;
      process.stdout.write(`${language}: pulumi up exited ${exitMs} ms after SIGINT\n`);
      expect(exitMs).toBeLessThan(CLI_CANCEL_SAFETY_NET_MS);
      expect(run.code).not.toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Redis task ${task}: the deployment was cancelled \\(Ctrl-C\\) while waiting, last status 1 \\(Executing\\)`));
      const cancelled = await gateInState(stack, task);
      expect(cancelled?.outputs).toMatchObject({ status: 1, statusText: "Executing" });
      expect(cancelled?.initErrors?.[0]).toMatch(/cancelled \(Ctrl-C\)/);

      emulator.emulator.addTask({ requestId: task, timeline: [{ status: 2 }] });
      expectUpdated(await stack.up());
      expect((await gateInState(stack, task))?.outputs).toMatchObject({ status: 2, statusText: "Succeeded" });
      expect(await stack.outputs()).toMatchObject({ status: 2 });
    });
  });
}

/** The `up` updated the gate in place (no create, no replace). */
function expectUpdated(run: CliRun): void {
  expect(run.stdout).toMatch(/~ +tencentcloud-redis-task:index:TaskWait gate updat/);
  expect(run.stdout).not.toMatch(/\+ +tencentcloud-redis-task:index:TaskWait gate creat/);
}
