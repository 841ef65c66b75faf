/**
 * `npm run demo`: the emulator with the bundled scenario, then the root project (Pulumi.yaml →
 * examples/gate) twice: once gating a release on a task that succeeds, once on a task that fails.
 * With the Pulumi CLI on PATH it runs a real `pulumi up --yes` on a local file backend; without
 * it, the in-process engine, and says so. Exits 0 when both runs behaved as designed.
 */
import * as path from "path";
import { loadScenario, startEmulator, type RunningEmulator } from "../provider/emulator";
import type { DemoEngine } from "./demo/deployment";
import { inProcessEngine } from "./demo/inProcessEngine";
import { pulumiCliEngine, pulumiOnPath } from "./demo/pulumiCliEngine";

const ROOT = path.resolve(__dirname, "..", "..");
const PROJECT = "redis-task-gate";
const SUCCEEDING_TASK = 11963;
const FAILING_TASK = 11964;
const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
const RELEASE = "pulumi-nodejs:dynamic/redis-task-example:ReleaseMarker";

/**
 * Moves the succeeding task on the gate's polls instead of the scenario's clock: waiting at the
 * first poll, executing from then on, succeeded once the gate has seen it executing. So the
 * progress the demo checks for shows however slow the machine is (the scenario file keeps its
 * timed version for `tencentcloud-redis-task emulator --scenario`).
 */
async function stepOnPolls(emulator: RunningEmulator, requestId: number): Promise<void> {
  const task = loadScenario(path.join(ROOT, "scenarios/demo.json")).find((t) => t.requestId === requestId)!;
  emulator.addTask({ ...task, timeline: [{ status: 0 }], held: true });
  await emulator.waitForQueries(requestId, 1);
  emulator.setTaskStatus(requestId, 1);
  await emulator.waitForQueries(requestId, 2);
  emulator.setTaskStatus(requestId, 2);
}

function check(ok: boolean, what: string, failures: string[]): void {
  process.stdout.write(`  ${ok ? "ok  " : "FAIL"} ${what}\n`);
  if (!ok) failures.push(what);
}

async function main(): Promise<number> {
  const started = Date.now();
  const emulator = await startEmulator({ tasks: loadScenario(path.join(ROOT, "scenarios/demo.json")) });
  const env: NodeJS.ProcessEnv = { ...process.env, TENCENTCLOUD_REDIS_ENDPOINT: emulator.url };
  for (const key of ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECURITY_TOKEN", "TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_REGION"]) delete env[key];
  const engine: DemoEngine = pulumiOnPath(env) ? pulumiCliEngine(ROOT, PROJECT, env) : inProcessEngine(ROOT, PROJECT, env);
  process.stdout.write(`Emulator at ${emulator.url} (scenario scenarios/demo.json)\nEngine: ${engine.name}\n\n`);
  const failures: string[] = [];
  try {
    process.stdout.write(`1. Task ${SUCCEEDING_TASK} waits, executes, then succeeds: the release must wait for it.\n`);
    // A task the gate never polls leaves the driver waiting; the checks below then say what went wrong.
    stepOnPolls(emulator, SUCCEEDING_TASK).catch(() => undefined);
    const first = await engine.up("demo-succeeds", SUCCEEDING_TASK, "v2");
    check(first.code === 0, "the deployment succeeded", failures);
    check(new RegExp(`task ${SUCCEEDING_TASK}: Executing`).test(first.output), "progress showed the task executing while the deployment waited", failures);
    const { taskCompletedAt, releasedAt } = first.outputs as { taskCompletedAt?: string; releasedAt?: string };
    check(
      first.createdTypes.includes(TASK_WAIT) && Boolean(taskCompletedAt && releasedAt && Date.parse(releasedAt) >= Date.parse(taskCompletedAt)),
      "the release was created only after the task succeeded",
      failures,
    );

    process.stdout.write(`\n2. Task ${FAILING_TASK} fails (status 3), read over API 3.0 for its message: the deployment must stop with the task's error.\n`);
    const second = await engine.up("demo-fails", FAILING_TASK, "v3");
    check(second.code !== 0, "the deployment failed", failures);
    check(new RegExp(`Redis task ${FAILING_TASK} failed: status 3 \\(Failed\\)`).test(second.output), "the error names the task and its status", failures);
    check(second.output.includes("insufficient capacity"), "the error carries the task's message", failures);
    check(!second.createdTypes.includes(RELEASE), "no release was created", failures);
  } finally {
    engine.cleanup();
    await emulator.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    failures.length === 0
      ? `\nDemo OK in ${seconds} s: the gate held until success and stopped on failure.\n`
      : `\nDemo FAILED (${failures.length} checks) in ${seconds} s.\n`,
  );
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`demo: ${(error as Error).stack}\n`);
    process.exit(1);
  },
);
