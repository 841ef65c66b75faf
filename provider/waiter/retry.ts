/** Pure decisions about a failed poll: is it worth another try? */
import { TaskApiError, type CallSubject } from "../api/errors";

/** Consecutive failed polls with the same error kind and code. */
export interface ErrorStreak {
  /** `kind:code` of the errors in the streak. */
  key: string;
  /** How many polls in a row failed with it, the latest included. */
  count: number;
  /** Clock time of the streak's first failure. */
  startedAt: number;
}

/** The streak after `error` at clock time `now`: one longer if it repeats the previous error, else a new one. */
export function extendStreak(previous: ErrorStreak | undefined, error: TaskApiError, now: number): ErrorStreak {
  const key = `${error.kind}:${String(error.code)}`;
  return previous?.key === key ? { ...previous, count: previous.count + 1 } : { key, count: 1, startedAt: now };
}

/**
 * True when the wait must end on `error` at clock time `now`: it is not retryable, it repeated
 * more than its `maxConsecutiveRetries` allows (3 allows three retries, so the 4th failure in a
 * row ends it), or its streak has lasted its `retryForMs`.
 */
export function isPermanent(error: TaskApiError, streak: ErrorStreak, now: number): boolean {
  if (!error.retryable) return true;
  if (error.retryForMs !== undefined && now - streak.startedAt >= error.retryForMs) return true;
  return error.maxConsecutiveRetries !== undefined && streak.count > error.maxConsecutiveRetries;
}

/**
 * The backoff `delay`, cut so that an error retried only for a while (`retryForMs`) gets its
 * last try when that while ends, not a whole long interval later.
 */
export function retryDelay(delay: number, error: TaskApiError | undefined, streak: ErrorStreak | undefined, now: number): number {
  if (error?.retryForMs === undefined || !streak) return delay;
  return Math.max(0, Math.min(delay, streak.startedAt + error.retryForMs - now));
}

/**
 * The thrown value as a `TaskApiError`. Anything else (a bug, an unexpected exception) is
 * wrapped as a permanent error: retrying code that throws unexpectedly rarely helps.
 */
export function asTaskApiError(thrown: unknown, about: number | CallSubject): TaskApiError {
  if (isTaskApiError(thrown)) return thrown;
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  return new TaskApiError({
    kind: "transport",
    ...(typeof about === "number" ? { requestId: about } : about),
    apiMessage: `unexpected error: ${text}`,
    retryable: false,
    cause: thrown,
  });
}

/**
 * instanceof, or the same shape: Pulumi serializes the provider with its own copy of local
 * modules, so an error may come from another copy of the TaskApiError class.
 */
function isTaskApiError(value: unknown): value is TaskApiError {
  if (value instanceof TaskApiError) return true;
  return value instanceof Error && value.name === "TaskApiError" && typeof (value as { retryable?: unknown }).retryable === "boolean";
}
