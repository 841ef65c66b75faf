/**
 * One wait for one Redis instance to be idle, as InstanceIdle and `tencentcloud-redis-task
 * wait-idle` both run it: the durations parsed, every listing paced by the process-wide
 * DescribeTaskList budget, progress lines with each running task's type, ID and progress.
 */
import { describeTaskListPage } from "../api/describeTaskList";
import type { TaskTypeName } from "../api/taskTypes";
import { formatDuration } from "../input/duration";
import { pacedCall } from "../waiter/query";
import { sharedTaskListBudget, type ApiBudget } from "../waiter/rateLimiter";
import { describeTask, waitForInstanceIdle, type FailOn, type InstanceIdleProgress, type InstanceIdleResult, type WaitedTask } from "../waiter/instanceIdle";
import { trackWait } from "./cancellation";
import { HeartbeatReporter, type ProgressLines } from "./progress";
import { currentProgressWriter } from "./progressSink";
import { instanceTaskLister } from "./taskListQuery";
import { waitDurations, type RedisTaskWaitOptions } from "./waitForRedisTask";

/** Options of {@link waitForRedisInstanceIdle}; durations as users write them. */
export interface RedisInstanceIdleOptions extends Omit<RedisTaskWaitOptions, "requestId" | "rateLimiter"> {
  instanceId: string;
  taskTypes?: readonly TaskTypeName[];
  failOn?: FailOn;
  /** The tasks the wait this one resumes saw running. */
  previouslyWaited?: readonly WaitedTask[];
  /** Default the process-wide DescribeTaskList budget; `false` for none. */
  budget?: ApiBudget | false;
}

/** The instance wait's result plus the timeout that applied. */
export interface RedisInstanceIdleResult extends InstanceIdleResult {
  timeoutMs: number;
  /** For `aborted`: why (a `WaitCanceled` when the process cancelled its waits). */
  abortReason?: unknown;
}

/** `[InstanceIdle gate] instance crs-…: 2 tasks running: FLOW_RESIZE 12 (Running, 40%), …; 3 polls, 12s`. */
export function instanceProgressLine(label: string, event: InstanceIdleProgress): string {
  const effort = `${event.calls} poll${event.calls === 1 ? "" : "s"}, ${formatDuration(event.waitedMs)}`;
  const retry = event.error?.retryable ? ` (retrying: ${String(event.error.code ?? event.error.kind)})` : "";
  const head = `[${label}] instance ${event.instanceId}`;
  if (event.noTaskFound) return `${head}: idle, no task found for instance ${event.instanceId} (check the instanceId if you expected tasks); ${effort}`;
  if (event.active.length === 0) return `${head}: idle, no task running; ${effort}${retry}`;
  const count = `${event.active.length} task${event.active.length === 1 ? "" : "s"} running`;
  return `${head}: ${count}: ${event.active.map(describeTask).join(", ")}; ${effort}${retry}`;
}

/** An instance wait's lines: the idle line ends the wait and stays; lines while tasks run are ephemeral. */
export function instanceProgressLines(label: string): ProgressLines<InstanceIdleProgress> {
  return {
    format: (event) => instanceProgressLine(label, event),
    isFinal: (event) => event.active.length === 0 && event.error === undefined,
  };
}

/** What a progress line says, apart from effort: a new line when it changes. */
const lineKey = (event: InstanceIdleProgress) => `${event.noTaskFound}|${event.active.map(describeTask).join(",")}|${event.error?.code ?? ""}`;

/**
 * Waits until the instance has no initialising or running task (of `taskTypes`), the timeout
 * passes, `options.signal` aborts or the process cancels its waits; the outcome is a value.
 */
export async function waitForRedisInstanceIdle(options: RedisInstanceIdleOptions): Promise<RedisInstanceIdleResult> {
  const durations = waitDurations(options);
  const { settings, clock, transport } = options;
  const budget = options.budget === undefined ? sharedTaskListBudget() : options.budget;
  const list = instanceTaskLister(settings, { transport, clock, budget });
  const countPage = (signal: AbortSignal | undefined, query: Parameters<typeof list>[0]) =>
    describeTaskListPage(query, { limit: 1, offset: 0 }, settings, { transport, signal, now: clock && (() => clock.now()) });
  const count = budget ? pacedCall(budget.limiter, budget.pace, countPage) : countPage;
  const write = options.writeProgress === undefined ? currentProgressWriter() : options.writeProgress;
  let lastKey: string | undefined;
  const initial: InstanceIdleProgress = { instanceId: options.instanceId, active: [], noTaskFound: false, calls: 0, waitedMs: 0 };
  const reporter = write ? new HeartbeatReporter(instanceProgressLines(options.label), initial, write) : undefined;
  const tracked = trackWait();
  const signal = options.signal ? AbortSignal.any([options.signal, tracked.signal]) : tracked.signal;
  try {
    const result = await waitForInstanceIdle({
      instanceId: options.instanceId,
      taskTypes: options.taskTypes,
      failOn: options.failOn,
      previouslyWaited: options.previouslyWaited,
      list,
      count: async (query, callSignal) => (await count(callSignal, query)).totalCount,
      ...durations,
      clock,
      random: options.random,
      signal,
      onProgress: (event) => {
        const key = lineKey(event);
        reporter?.observe(event, key !== lastKey);
        lastKey = key;
      },
    });
    return { ...result, timeoutMs: durations.timeoutMs, ...(signal.aborted ? { abortReason: signal.reason } : {}) };
  } finally {
    tracked.done();
    reporter?.stop();
  }
}
