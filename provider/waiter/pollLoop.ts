/**
 * The wait loop every gate shares: call until an answer settles the wait, an error that retrying
 * will not fix, the deadline, or an abort, and report which as a value. What an answer means (a
 * task's status, an instance's task list) is the caller's `settle`.
 */
import { TaskApiError, type CallSubject } from "../api/errors";
import { abortable } from "./abort";
import { DEADLINE_GRACE_MS, nextPollDelay } from "./backoff";
import { systemClock } from "./clock";
import { asTaskApiError, extendStreak, isPermanent, retryDelay, type ErrorStreak } from "./retry";
import type { Clock, WaitState } from "./types";

/** Options of {@link pollUntilSettled}. */
export interface PollLoopOptions<T> {
  /** What the calls are about, for wrapped errors. */
  subject: CallSubject;
  /** One call; rejects with a `TaskApiError` when it fails. */
  query: (signal?: AbortSignal) => Promise<T>;
  /** `succeeded` or `failed` ends the wait with that state; undefined polls again. */
  settle: (answer: T) => "succeeded" | "failed" | undefined;
  timeoutMs: number;
  minPollIntervalMs: number;
  maxPollIntervalMs: number;
  backoffGrowth?: number;
  clock?: Clock;
  random?: () => number;
  signal?: AbortSignal;
  /** Called after every answer, once `settle` has judged it (`polls` counts this call). */
  onAnswer?: (answer: T, polls: number, waitedMs: number) => void;
  /** Called after every failed call. */
  onError?: (error: TaskApiError, polls: number, waitedMs: number) => void;
}

/** How a loop ended, with the last answer seen. */
export interface PollLoopResult<T> {
  state: WaitState;
  answer?: T;
  polls: number;
  waitedMs: number;
  error?: TaskApiError;
}

/**
 * Calls at once, then with full-jitter exponential backoff between the poll intervals, with one
 * final call just before the deadline. Rejects only when the clock itself fails.
 */
export async function pollUntilSettled<T>(options: PollLoopOptions<T>): Promise<PollLoopResult<T>> {
  const { subject, query, signal } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const startedAt = clock.now();
  const deadline = startedAt + options.timeoutMs;

  // A call still in flight this long after the deadline is abandoned: the per-request timeout
  // (10 s by default) must not stretch a short wait, and the final poll, made just before the
  // deadline, still gets time to answer.
  const stopDeadline = new AbortController();
  const deadlinePassed = new AbortController();
  clock.sleep(options.timeoutMs + DEADLINE_GRACE_MS, stopDeadline.signal).then(
    () => deadlinePassed.abort(new Error(`the wait's timeout of ${options.timeoutMs} ms passed`)),
    () => undefined,
  );
  const callSignal = signal ? AbortSignal.any([signal, deadlinePassed.signal]) : deadlinePassed.signal;
  let answer: T | undefined;
  let lastError: TaskApiError | undefined;
  let streak: ErrorStreak | undefined;
  let polls = 0;
  const waited = () => clock.now() - startedAt;
  const end = (state: WaitState, error?: TaskApiError): PollLoopResult<T> => {
    const result: PollLoopResult<T> = { state, answer, polls, waitedMs: waited() };
    if (error) result.error = error;
    return result;
  };
  try {
    for (;;) {
      if (signal?.aborted) return end("aborted");
      polls++;
      try {
        answer = await abortable(query(callSignal), callSignal);
        lastError = undefined;
        streak = undefined;
        const settled = options.settle(answer);
        notify(() => options.onAnswer?.(answer!, polls, waited()));
        if (settled) return end(settled);
      } catch (thrown) {
        // A call cut short by the abort is not an API failure.
        if (signal?.aborted) return end("aborted");
        if (deadlinePassed.signal.aborted) {
          const unanswered = new TaskApiError({
            kind: "transport",
            ...subject,
            code: "ETIMEDOUT",
            apiMessage: `the call made before the deadline was still unanswered ${DEADLINE_GRACE_MS} ms after it`,
            retryable: true,
          });
          return end("timedOut", unanswered);
        }
        lastError = asTaskApiError(thrown, subject);
        streak = extendStreak(streak, lastError, clock.now());
        const error = lastError;
        notify(() => options.onError?.(error, polls, waited()));
        if (isPermanent(lastError, streak, clock.now())) return end("error", lastError);
      }

      const delay = nextPollDelay({
        attempt: polls,
        minMs: options.minPollIntervalMs,
        maxMs: options.maxPollIntervalMs,
        random: random(),
        growth: options.backoffGrowth,
        remainingMs: deadline - clock.now(),
      });
      if (delay === undefined) return end("timedOut", lastError);
      try {
        await abortable(clock.sleep(retryDelay(delay, lastError, streak, clock.now()), signal), signal);
      } catch (thrown) {
        if (signal?.aborted) return end("aborted");
        throw thrown; // a clock that fails on its own is broken: not a wait outcome
      }
    }
  } finally {
    stopDeadline.abort();
  }
}

/** Progress observers print and log; one that throws must not end the wait. */
function notify(callback: () => void): void {
  try {
    callback();
  } catch {
    // deliberately ignored, see above
  }
}
