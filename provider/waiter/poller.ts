/** The wait loop: poll a Redis task until it ends, the deadline passes, or the caller aborts. */
import { TaskStatus, isFailureStatus } from "../api/status";
import { TaskApiError } from "../api/errors";
import type { TaskRecord } from "../api/types";
import { abortable } from "./abort";
import { DEADLINE_GRACE_MS, nextPollDelay } from "./backoff";
import { systemClock } from "./clock";
import { asTaskApiError, extendStreak, isPermanent, retryDelay, type ErrorStreak } from "./retry";
import type { WaitOptions, WaitProgress, WaitResult, WaitState } from "./types";
import { validateWaitOptions } from "./validate";

/**
 * Polls the task with `options.query` until it reaches a terminal status, an error that retrying
 * will not fix, the deadline, or an abort, and reports which as a value.
 *
 * The first poll is made at once; then full-jitter exponential backoff between
 * `minPollIntervalMs` and `maxPollIntervalMs`, with one final poll just before the deadline.
 * Rejects only for invalid options.
 */
export async function waitForTask(options: WaitOptions): Promise<WaitResult> {
  validateWaitOptions(options);
  const { requestId, query, signal } = options;
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
  try {
    return await pollUntilDone();
  } finally {
    stopDeadline.abort();
  }

  async function pollUntilDone(): Promise<WaitResult> {
  let record: TaskRecord | undefined;
  let lastError: TaskApiError | undefined;
  let streak: ErrorStreak | undefined;
  let polls = 0;

  const end = (state: WaitState, error?: TaskApiError): WaitResult => {
    const result: WaitResult = { state, record, polls, waitedMs: clock.now() - startedAt };
    if (error) result.error = error;
    return result;
  };
  const progress = (previousStatus: number | undefined, error?: TaskApiError): WaitProgress => {
    const event: WaitProgress = { requestId, record, previousStatus, polls, waitedMs: clock.now() - startedAt };
    if (error) event.error = error;
    return event;
  };

  for (;;) {
    if (signal?.aborted) return end("aborted");
    const previousStatus = record?.status;
    polls++;
    try {
      record = await abortable(query(callSignal), callSignal);
      lastError = undefined;
      streak = undefined;
      if (record.status !== previousStatus) notify(options.onStatusChange, progress(previousStatus));
      notify(options.onPoll, progress(previousStatus));
      if (record.status === TaskStatus.Succeeded) return end("succeeded");
      if (isFailureStatus(record.status)) return end("failed");
    } catch (thrown) {
      // A call cut short by the abort is not an API failure.
      if (signal?.aborted) return end("aborted");
      if (deadlinePassed.signal.aborted) {
        const unanswered = new TaskApiError({
          kind: "transport",
          requestId,
          code: "ETIMEDOUT",
          apiMessage: `the call made before the deadline was still unanswered ${DEADLINE_GRACE_MS} ms after it`,
          retryable: true,
        });
        return end("timedOut", unanswered);
      }
      lastError = asTaskApiError(thrown, requestId);
      streak = extendStreak(streak, lastError, clock.now());
      notify(options.onPoll, progress(previousStatus, lastError));
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
  }
}

/** Progress observers print and log; one that throws must not end the wait. */
function notify(callback: ((event: WaitProgress) => void) | undefined, event: WaitProgress): void {
  if (!callback) return;
  try {
    callback(event);
  } catch {
    // deliberately ignored, see above
  }
}
