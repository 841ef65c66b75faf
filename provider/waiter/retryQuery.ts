/**
 * One answer about a task, retried: what a refresh needs. Unlike `waitForTask` it returns the
 * first answer whatever the status, but it retries failed calls by the same rules (backoff,
 * permanent errors end it at once, probably-permanent ones after their `retryForMs`) within a
 * budget of its own, so a throttled or briefly failing API does not fail a whole `pulumi refresh`.
 */
import type { CallSubject, TaskApiError } from "../api/errors";
import type { TaskRecord } from "../api/types";
import { abortable, abortReason } from "./abort";
import { nextPollDelay } from "./backoff";
import { systemClock } from "./clock";
import { asTaskApiError, extendStreak, isPermanent, retryDelay, type ErrorStreak } from "./retry";
import type { Clock, TaskQuery } from "./types";

/** Options of {@link queryWithRetries}. */
export interface QueryRetryOptions<T = TaskRecord> {
  /** The task (or, as a subject, the instance), for wrapped errors. */
  requestId: number | CallSubject;
  /** One call (for DescribeTaskInfo, wrap it with `sharedTaskQuery` to pace and share it). */
  query: (signal?: AbortSignal) => Promise<T>;
  /** How long to keep retrying, in ms from the first call; a call started within it may finish after it. */
  budgetMs: number;
  /** Smallest and largest delay between tries, in ms. */
  minDelayMs: number;
  maxDelayMs: number;
  /** Default `systemClock`. */
  clock?: Clock;
  /** Uniform random numbers in [0, 1) for the jitter; default `Math.random`. */
  random?: () => number;
  signal?: AbortSignal;
}

/** The record and how many calls it took. */
export interface QueryRetryResult<T = TaskRecord> {
  record: T;
  calls: number;
}

/**
 * The task's record from the first call that answers. Rejects with the `TaskApiError` that ended
 * the tries: a permanent one, or the last one when the budget is spent; or with the abort reason.
 */
export async function queryWithRetries<T = TaskRecord>(options: QueryRetryOptions<T>): Promise<QueryRetryResult<T>> {
  const { requestId, query, signal } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const startedAt = clock.now();
  let streak: ErrorStreak | undefined;
  for (let calls = 1; ; calls++) {
    let error: TaskApiError;
    try {
      return { record: await abortable<T>(query(signal), signal), calls };
    } catch (thrown) {
      if (signal?.aborted) throw abortReason(signal);
      error = asTaskApiError(thrown, requestId);
    }
    streak = extendStreak(streak, error, clock.now());
    if (isPermanent(error, streak, clock.now())) throw error;
    const delay = nextPollDelay({
      attempt: calls,
      minMs: options.minDelayMs,
      maxMs: options.maxDelayMs,
      random: random(),
      remainingMs: startedAt + options.budgetMs - clock.now(),
    });
    if (delay === undefined) throw error;
    await abortable(clock.sleep(retryDelay(delay, error, streak, clock.now()), signal), signal);
  }
}
