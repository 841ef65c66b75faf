/**
 * Task status codes of DescribeTaskInfo (API 2.0 `data.status`), the names this package
 * gives them, and the API 3.0 status strings that map onto them.
 */

/** The five task status codes, named as the domain names them. */
export const TaskStatus = {
  /** -1: the task hit an execution error. Terminal. */
  Error: -1,
  /** 0: waiting to be executed. */
  Waiting: 0,
  /** 1: executing. */
  Executing: 1,
  /** 2: succeeded. Terminal. */
  Succeeded: 2,
  /** 3: failed. Terminal. */
  Failed: 3,
} as const;

/** One of the five status codes: -1, 0, 1, 2 or 3. */
export type TaskStatusCode = (typeof TaskStatus)[keyof typeof TaskStatus];

/** The readable name of a status code. */
export type TaskStatusText = keyof typeof TaskStatus;

const textByCode = new Map<number, TaskStatusText>(
  (Object.keys(TaskStatus) as TaskStatusText[]).map((text) => [TaskStatus[text], text]),
);

/** True when `value` is one of the five documented status codes. */
export function isTaskStatusCode(value: unknown): value is TaskStatusCode {
  return typeof value === "number" && textByCode.has(value);
}

/** The readable name of a status code, e.g. `statusText(2) === "Succeeded"`. */
export function statusText(status: TaskStatusCode): TaskStatusText {
  return textByCode.get(status)!;
}

/** True for the statuses a task never leaves: succeeded, failed and error. */
export function isTerminalStatus(status: TaskStatusCode): boolean {
  return status === TaskStatus.Succeeded || status === TaskStatus.Failed || status === TaskStatus.Error;
}

/** True for failed (3) and execution error (-1). */
export function isFailureStatus(status: TaskStatusCode): boolean {
  return status === TaskStatus.Failed || status === TaskStatus.Error;
}

/** API 3.0 `Status` strings and the API 2.0 codes they stand for. */
const v3StatusCodes: Record<string, TaskStatusCode> = {
  preparing: TaskStatus.Waiting,
  running: TaskStatus.Executing,
  succeed: TaskStatus.Succeeded,
  failed: TaskStatus.Failed,
  error: TaskStatus.Error,
};

/** The code of an API 3.0 status string (compared case-insensitively), or undefined if unknown. */
export function statusFromV3(value: unknown): TaskStatusCode | undefined {
  return typeof value === "string" ? v3StatusCodes[value.toLowerCase()] : undefined;
}

/** The API 3.0 status string of a code, as the service spells it. */
export function statusToV3(status: TaskStatusCode): string {
  return Object.keys(v3StatusCodes).find((key) => v3StatusCodes[key] === status)!;
}
