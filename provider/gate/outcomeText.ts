/** The words TaskWait and `tencentcloud-redis-task wait` both use for how a wait ended. */
import { formatDuration } from "../input/duration";
import { statusText, type TaskStatusCode } from "../api/status";

/** How far a wait got: `after 42s, 9 polls`. */
export function describeEffort(waitedMs: number, polls: number): string {
  return `after ${formatDuration(waitedMs)}, ${polls} poll${polls === 1 ? "" : "s"}`;
}

/** `Redis task 11963 failed: status 3 (Failed) after 42s, 9 polls`. */
export function taskFailedMessage(requestId: number, status: TaskStatusCode, waitedMs: number, polls: number): string {
  return `Redis task ${requestId} failed: status ${status} (${statusText(status)}) ${describeEffort(waitedMs, polls)}`;
}

/** What a gate records as `statusText` when no poll was ever answered (and no `status`). */
export const NO_STATUS_TEXT = "No status received";

/** `last status 1 (Executing)`, or `no status received` when no poll was answered. */
export function describeLastStatus(status: TaskStatusCode | undefined): string {
  return status === undefined ? "no status received" : `last status ${status} (${statusText(status)})`;
}
