/**
 * The facts of an instance's task list (API 3.0 DescribeTaskList, REFERENCE §2b): the `Result`
 * codes, a task as the answer gives it with its type named, and what a listing asks for. Types and
 * names only; the call is in `describeTaskList.ts`.
 */
import type { TaskTypeName } from "./taskTypes";

/** `Result` of a listed task: 0 initialising, 1 running, 2 succeeded, 4 failed (there is no 3). */
export const TaskResult = {
  /** 0: initialising, not yet running. */
  Initializing: 0,
  /** 1: running. */
  Running: 1,
  /** 2: succeeded. */
  Succeeded: 2,
  /** 4: failed. */
  Failed: 4,
} as const;

/** One of 0, 1, 2, 4. */
export type TaskResultCode = (typeof TaskResult)[keyof typeof TaskResult];

/** The readable name of a result code. */
export type TaskResultText = keyof typeof TaskResult;

/** Every result code. */
export const TASK_RESULT_CODES: readonly TaskResultCode[] = Object.values(TaskResult);

/** True for 0, 1, 2 or 4. */
export function isTaskResultCode(value: unknown): value is TaskResultCode {
  return typeof value === "number" && (TASK_RESULT_CODES as readonly number[]).includes(value);
}

/** `resultText(1) === "Running"`. */
export function resultText(result: TaskResultCode): TaskResultText {
  return (Object.keys(TaskResult) as TaskResultText[]).find((name) => TaskResult[name] === result)!;
}

/** True while a task still runs on its instance: initialising (0) or running (1). */
export function isActiveResult(result: TaskResultCode): boolean {
  return result === TaskResult.Initializing || result === TaskResult.Running;
}

/** A task of an instance as DescribeTaskList reports it, with its type code named. */
export interface InstanceTask {
  taskId: number;
  /** The type's `FLOW_*` name (an undocumented code stays as the code). */
  taskType: string;
  instanceId: string;
  /** `yyyy-mm-dd hh:mm:ss` as the API writes it (Beijing time). */
  startTime: string;
  /** When the task ended; absent while it runs. */
  endTime?: string;
  /** How far the task got, as the API's fraction 0–1 (1 when done). */
  progress: number;
  result: TaskResultCode;
  /** The readable name of `result`. */
  resultText: TaskResultText;
}

/** What a listing asks for: one instance, optionally filtered. */
export interface TaskListQuery {
  instanceId: string;
  /** Only these types (`TaskTypes.N`). */
  taskTypes?: readonly TaskTypeName[];
  /** Only these results (`Result.N`). */
  results?: readonly TaskResultCode[];
  /** Only tasks from this time on, `yyyy-mm-dd hh:mm:ss` (`BeginTime`). */
  beginTime?: string;
  /** Only tasks up to this time, `yyyy-mm-dd hh:mm:ss` (`EndTime`). */
  endTime?: string;
}

/** One page of a listing. */
export interface TaskListPage {
  /** How many tasks match the query, on every page. */
  totalCount: number;
  tasks: InstanceTask[];
  apiRequestId?: string;
}

/** A whole listing: every page read, from one consistent view of the list. */
export interface TaskList {
  totalCount: number;
  tasks: InstanceTask[];
  /** DescribeTaskList calls it took, re-reads included. */
  calls: number;
}

/** Where a page starts: `offset` is always a multiple of `limit`, as the API requires. */
export interface PageRequest {
  limit: number;
  offset: number;
}

/** The largest page the API serves, and the one every listing asks for (fewest calls). */
export const MAX_PAGE_SIZE = 100;
