/**
 * The instance wait: list an instance's tasks until none of them (of the given types) is
 * initialising or running. Pure: the listing, time and randomness are injected, and the outcome is
 * a value. With `failOn: "failedSinceStart"`, a task of the instance that ends failed during the
 * wait ends it as `failed`, naming the task.
 */
import type { TaskApiError } from "../api/errors";
import { isActiveResult, TaskResult, resultText, type InstanceTask, type TaskList, type TaskListQuery, type TaskResultCode } from "../api/taskList";
import type { TaskTypeName } from "../api/taskTypes";
import { pollUntilSettled } from "./pollLoop";
import type { Clock, WaitState } from "./types";

/** When a failed task fails the wait: never, or when it failed after the wait began. */
export type FailOn = "none" | "failedSinceStart";

/** The failOn values. */
export const FAIL_ON_VALUES: readonly FailOn[] = ["none", "failedSinceStart"];

/** A task the wait saw running, as last seen. */
export interface WaitedTask {
  taskId: number;
  taskType: string;
  /** 2 once it left the list of running and failed tasks (it succeeded), 4 when it failed. */
  result: TaskResultCode;
  startTime: string;
  /** When it ended, when the API said so (a task seen failed); absent for one that succeeded out of sight. */
  endTime?: string;
}

/** The results a wait lists: running ones to wait for, and failed ones to judge. */
export const WAIT_RESULTS: readonly TaskResultCode[] = [TaskResult.Initializing, TaskResult.Running, TaskResult.Failed];

/** What progress observers receive after each listing. */
export interface InstanceIdleProgress {
  instanceId: string;
  /** Tasks still initialising or running. */
  active: InstanceTask[];
  /** True when the API lists no task at all for the instance (a typo in the ID?). */
  noTaskFound: boolean;
  /** DescribeTaskList calls so far. */
  calls: number;
  waitedMs: number;
  /** The error of this listing, when it failed and will be retried. */
  error?: TaskApiError;
}

/** Options of {@link waitForInstanceIdle}. */
export interface InstanceIdleOptions {
  instanceId: string;
  /** Only tasks of these types count; default every type. */
  taskTypes?: readonly TaskTypeName[];
  /** Default `none`. */
  failOn?: FailOn;
  /** The tasks an earlier wait of the same gate saw running (a resumed wait): their failure counts too. */
  previouslyWaited?: readonly WaitedTask[];
  /** One whole listing (every page; see `instanceTaskLister`). */
  list: (query: TaskListQuery, signal?: AbortSignal) => Promise<TaskList>;
  /** How many tasks of the instance the API knows at all, for the "no task found" line; one small call. */
  count?: (query: TaskListQuery, signal?: AbortSignal) => Promise<number>;
  timeoutMs: number;
  minPollIntervalMs: number;
  maxPollIntervalMs: number;
  clock?: Clock;
  random?: () => number;
  signal?: AbortSignal;
  onProgress?: (event: InstanceIdleProgress) => void;
}

/** How the instance wait ended: `succeeded` from the loop reads `idle` here. */
export type InstanceIdleState = Exclude<WaitState, "succeeded"> | "idle";

/** The outcome of {@link waitForInstanceIdle}. */
export interface InstanceIdleResult {
  state: InstanceIdleState;
  /** Tasks still running when the wait ended (empty when idle). */
  active: InstanceTask[];
  /** Every task the wait (and the waits it resumes) saw running, as last seen. */
  waited: WaitedTask[];
  /** For `failed`: the task that failed since the wait began. */
  failedTask?: InstanceTask;
  noTaskFound: boolean;
  /** DescribeTaskList calls made, failed ones included. */
  calls: number;
  waitedMs: number;
  error?: TaskApiError;
}

const asWaited = (task: InstanceTask): WaitedTask => ({
  taskId: task.taskId,
  taskType: task.taskType,
  result: task.result,
  startTime: task.startTime,
  ...(task.endTime ? { endTime: task.endTime } : {}),
});

/**
 * Lists the instance's initialising, running and failed tasks (of `taskTypes`) until none is
 * initialising or running, the deadline passes, a call fails for good, the caller aborts, or (with
 * `failOn: "failedSinceStart"`) a task fails that had not failed when the wait began.
 */
export async function waitForInstanceIdle(options: InstanceIdleOptions): Promise<InstanceIdleResult> {
  const { instanceId, signal } = options;
  const query: TaskListQuery = { instanceId, taskTypes: options.taskTypes, results: WAIT_RESULTS };
  const waited = new Map<number, WaitedTask>((options.previouslyWaited ?? []).map((task) => [task.taskId, { ...task }]));
  // Tasks already failed at the first listing (and not ones this gate waited for): not news.
  let failedBefore: Set<number> | undefined;
  let failedTask: InstanceTask | undefined;
  let active: InstanceTask[] = [];
  let noTaskFound = false;
  let calls = 0;

  const listing = async (callSignal?: AbortSignal): Promise<TaskList> => {
    calls++; // counted before the answer, so a failed call counts too
    const list = await options.list(query, callSignal);
    calls += list.calls - 1;
    if (failedBefore === undefined && list.totalCount === 0 && options.count) {
      calls++;
      noTaskFound = (await options.count({ instanceId, taskTypes: options.taskTypes }, callSignal)) === 0;
    }
    return list;
  };

  const settle = (list: TaskList): "succeeded" | "failed" | undefined => {
    const listed = new Map(list.tasks.map((task) => [task.taskId, task]));
    active = list.tasks.filter((task) => isActiveResult(task.result));
    const failed = list.tasks.filter((task) => task.result === TaskResult.Failed);
    for (const task of active) waited.set(task.taskId, asWaited(task));
    // A task waited for that left the list of initialising, running and failed tasks succeeded.
    for (const [id, task] of waited) {
      const now = listed.get(id);
      if (now) waited.set(id, asWaited(now));
      else if (isActiveResult(task.result)) waited.set(id, { ...task, result: TaskResult.Succeeded });
    }
    if (failedBefore === undefined) {
      failedBefore = new Set(failed.filter((task) => !(options.previouslyWaited ?? []).some((w) => w.taskId === task.taskId)).map((task) => task.taskId));
    }
    const news = failed.find((task) => !failedBefore!.has(task.taskId));
    if (news && !failedTask) failedTask = news;
    if (news && waited.has(news.taskId) === false) waited.set(news.taskId, asWaited(news));
    if (options.failOn === "failedSinceStart" && failedTask) return "failed";
    return active.length === 0 ? "succeeded" : undefined;
  };

  const result = await pollUntilSettled<TaskList>({
    subject: { action: "DescribeTaskList", instanceId },
    query: listing,
    settle,
    timeoutMs: options.timeoutMs,
    minPollIntervalMs: options.minPollIntervalMs,
    maxPollIntervalMs: options.maxPollIntervalMs,
    clock: options.clock,
    random: options.random,
    signal,
    onAnswer: (_list, _polls, waitedMs) => options.onProgress?.({ instanceId, active, noTaskFound, calls, waitedMs }),
    onError: (error, _polls, waitedMs) => options.onProgress?.({ instanceId, active, noTaskFound, calls, waitedMs, error }),
  });
  return {
    state: result.state === "succeeded" ? "idle" : result.state,
    active,
    waited: [...waited.values()].sort((a, b) => a.taskId - b.taskId),
    ...(result.state === "failed" && failedTask ? { failedTask } : {}),
    noTaskFound,
    calls,
    waitedMs: result.waitedMs,
    ...(result.error ? { error: result.error } : {}),
  };
}

/** `FLOW_RESIZE 1234 (Running, 45%)`: how progress lines and messages name a task. */
export function describeTask(task: Pick<InstanceTask, "taskId" | "taskType" | "result" | "progress">): string {
  return `${task.taskType || "task"} ${task.taskId} (${resultText(task.result)}, ${Math.round(task.progress * 100)}%)`;
}
