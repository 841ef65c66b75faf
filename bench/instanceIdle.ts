/**
 * One InstanceIdle against a TaskWait per task ID, for the same instance: API calls and detection
 * delay (how long after the last task ends the dependent may start). Both run the shipped waiters
 * (`waitForInstanceIdle`, `waitForTask`) at the package's default poll bounds on a VirtualClock,
 * against a simulated API whose tasks end at drawn times; nothing here re-implements a schedule.
 *
 * The scenario is the issue's: two tasks running on the instance when the deployment reaches the
 * gate, each ending at a time drawn uniformly from (D/2, D] after it (D = 5 s, 1 min, 10 min). The
 * TaskWaits run concurrently on one clock (as a deployment runs them) and the dependent waits for
 * the last of them. Every listing is one page (two tasks), so a listing is one DescribeTaskList call.
 */
import { TaskStatus } from "../provider/api/status";
import { resultText, TaskResult, type InstanceTask, type TaskList, type TaskResultCode } from "../provider/api/taskList";
import type { TaskRecord } from "../provider/api/types";
import { DEFAULT_MAX_POLL_INTERVAL_MS, DEFAULT_MIN_POLL_INTERVAL_MS } from "../provider/gate/defaults";
import { VirtualClock, waitForTask } from "../provider/waiter";
import { waitForInstanceIdle } from "../provider/waiter/instanceIdle";
import { stream, uniform } from "./random";
import { mean, percentile, summarize, type WaitSample, type WaitSummary } from "./stats";

/** Task durations D of the study. */
export const INSTANCE_IDLE_DURATIONS_MS = [5_000, 60_000, 600_000] as const;
/** Tasks running on the instance in each trial. */
const TASKS_PER_TRIAL = 2;
const INSTANCE_ID = "crs-bench001";

/** One duration's figures for both gates. */
export interface InstanceIdleRow {
  durationMs: number;
  instanceIdle: WaitSummary;
  taskWaits: WaitSummary;
  /** Mean of (InstanceIdle calls / TaskWait calls), trial by trial. */
  callRatio: number;
  /** Largest detection delay seen by either gate, for the bound a reader may rely on. */
  delayMaxMs: { instanceIdle: number; taskWaits: number };
}

/** The study's result, as bench/results.json records it. */
export interface InstanceIdleStudyResult {
  trials: number;
  tasksPerTrial: number;
  minPollIntervalMs: number;
  maxPollIntervalMs: number;
  rows: InstanceIdleRow[];
}

declare module "./report" {
  interface BenchResults {
    /** One InstanceIdle against a TaskWait per task ID (virtual time). */
    instanceIdle?: InstanceIdleStudyResult;
  }
}

const timeoutFor = (endsMs: readonly number[]) => Math.max(...endsMs) * 10 + 3_600_000;

/** Task `i` as a listing shows it while it runs; once it ends it leaves the listing (the wait lists `Result` 0, 1 and 4). */
function runningTask(i: number): InstanceTask {
  const result: TaskResultCode = TaskResult.Running;
  return { taskId: 1000 + i, taskType: "FLOW_BACKUPINSTANCE", instanceId: INSTANCE_ID, startTime: "2024-06-01 00:00:00", progress: 0, result, resultText: resultText(result) };
}

/** One InstanceIdle over tasks ending at `endsMs`. */
export async function runInstanceIdleWait(endsMs: readonly number[], jitterSeed: number): Promise<WaitSample> {
  const clock = new VirtualClock({ autoAdvance: true, recordSleeps: false });
  const tasks = endsMs.map((end, i) => ({ end, task: runningTask(i) }));
  const result = await waitForInstanceIdle({
    instanceId: INSTANCE_ID,
    list: async (): Promise<TaskList> => {
      const running = tasks.filter(({ end }) => clock.now() < end).map(({ task }) => task);
      return { totalCount: running.length, tasks: running, calls: 1 };
    },
    timeoutMs: timeoutFor(endsMs),
    minPollIntervalMs: DEFAULT_MIN_POLL_INTERVAL_MS,
    maxPollIntervalMs: DEFAULT_MAX_POLL_INTERVAL_MS,
    clock,
    random: stream(jitterSeed, 0),
  });
  if (result.state !== "idle") throw new Error(`virtual instance wait ended ${result.state}, not idle`);
  return { calls: result.calls, delayMs: result.waitedMs - Math.max(...endsMs) };
}

/** A TaskWait per task, concurrently on one clock; the dependent starts when the last one succeeds. */
export async function runTaskWaits(endsMs: readonly number[], jitterSeed: number): Promise<WaitSample> {
  const clock = new VirtualClock({ autoAdvance: true, recordSleeps: false });
  const record = (requestId: number, status: TaskRecord["status"]): TaskRecord => ({
    requestId,
    status,
    statusText: status === TaskStatus.Succeeded ? "Succeeded" : "Executing",
    code: 0,
    message: "",
    codeDesc: "Success",
  });
  const results = await Promise.all(
    endsMs.map((end, i) =>
      waitForTask({
        requestId: 1000 + i,
        query: async () => record(1000 + i, clock.now() >= end ? TaskStatus.Succeeded : TaskStatus.Executing),
        timeoutMs: timeoutFor(endsMs),
        minPollIntervalMs: DEFAULT_MIN_POLL_INTERVAL_MS,
        maxPollIntervalMs: DEFAULT_MAX_POLL_INTERVAL_MS,
        clock,
        random: stream(jitterSeed, 1 + i),
      }),
    ),
  );
  for (const result of results) if (result.state !== "succeeded") throw new Error(`virtual task wait ended ${result.state}, not succeeded`);
  const doneMs = Math.max(...results.map((result) => result.waitedMs));
  return { calls: results.reduce((sum, result) => sum + result.polls, 0), delayMs: doneMs - Math.max(...endsMs) };
}

/** Runs `trials` trials per duration; the same drawn tasks and seeds go to both gates. */
export async function runInstanceIdleStudy(options: { seed: number; trials: number; log?: (line: string) => void }): Promise<InstanceIdleStudyResult> {
  const rows: InstanceIdleRow[] = [];
  for (const [d, durationMs] of INSTANCE_IDLE_DURATIONS_MS.entries()) {
    const draw = stream(options.seed, 7001, d);
    const idle: WaitSample[] = [];
    const perTask: WaitSample[] = [];
    for (let trial = 0; trial < options.trials; trial++) {
      const endsMs = Array.from({ length: TASKS_PER_TRIAL }, () => Math.round(uniform(draw, durationMs / 2, durationMs)));
      const jitterSeed = Math.floor(draw() * 2 ** 32);
      idle.push(await runInstanceIdleWait(endsMs, jitterSeed));
      perTask.push(await runTaskWaits(endsMs, jitterSeed));
    }
    const row: InstanceIdleRow = {
      durationMs,
      instanceIdle: summarize(idle),
      taskWaits: summarize(perTask),
      callRatio: mean(idle.map((sample, i) => sample.calls / perTask[i].calls)),
      delayMaxMs: { instanceIdle: percentile(idle.map((s) => s.delayMs), 100), taskWaits: percentile(perTask.map((s) => s.delayMs), 100) },
    };
    rows.push(row);
    options.log?.(
      `instance-idle D=${durationMs / 1000}s: InstanceIdle ${row.instanceIdle.calls.toFixed(1)} calls, delay ${(row.instanceIdle.delayMeanMs / 1000).toFixed(2)} s; ` +
        `TaskWait×${TASKS_PER_TRIAL} ${row.taskWaits.calls.toFixed(1)} calls, delay ${(row.taskWaits.delayMeanMs / 1000).toFixed(2)} s`,
    );
  }
  return { trials: options.trials, tasksPerTrial: TASKS_PER_TRIAL, minPollIntervalMs: DEFAULT_MIN_POLL_INTERVAL_MS, maxPollIntervalMs: DEFAULT_MAX_POLL_INTERVAL_MS, rows };
}

/** The study as a markdown section of bench/results.md (empty when it did not run). */
export function renderInstanceIdle(result: InstanceIdleStudyResult | undefined): string {
  if (!result) return "";
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows = result.rows.map((row) =>
    [
      `${row.durationMs / 1000} s`,
      row.instanceIdle.calls.toFixed(1),
      row.taskWaits.calls.toFixed(1),
      row.callRatio.toFixed(2),
      `${s(row.instanceIdle.delayMeanMs)} / ${s(row.instanceIdle.delayP95Ms)}`,
      `${s(row.taskWaits.delayMeanMs)} / ${s(row.taskWaits.delayP95Ms)}`,
    ].join(" | "),
  );
  return [
    "",
    `## InstanceIdle vs a TaskWait per task (${result.trials} trials, ${result.tasksPerTrial} tasks each ending in (D/2, D], virtual time)`,
    "",
    "| D | InstanceIdle calls | TaskWait calls (sum) | call ratio | InstanceIdle delay mean / p95 | TaskWaits delay mean / p95 |",
    "|---|---|---|---|---|---|",
    ...rows.map((row) => `| ${row} |`),
    "",
  ].join("\n");
}
