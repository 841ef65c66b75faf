/** The task wait: poll a Redis task until it ends, the deadline passes, or the caller aborts. */
import { TaskStatus, isFailureStatus } from "../api/status";
import type { TaskApiError } from "../api/errors";
import type { TaskRecord } from "../api/types";
import { pollUntilSettled } from "./pollLoop";
import type { WaitOptions, WaitProgress, WaitResult } from "./types";
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
  const { requestId } = options;
  let record: TaskRecord | undefined;
  const progress = (previousStatus: number | undefined, polls: number, waitedMs: number, error?: TaskApiError): WaitProgress => {
    const event: WaitProgress = { requestId, record, previousStatus, polls, waitedMs };
    if (error) event.error = error;
    return event;
  };
  const result = await pollUntilSettled<TaskRecord>({
    ...options,
    subject: { requestId },
    settle: (answer) => (answer.status === TaskStatus.Succeeded ? "succeeded" : isFailureStatus(answer.status) ? "failed" : undefined),
    onAnswer: (answer, polls, waitedMs) => {
      const previousStatus = record?.status;
      record = answer;
      if (answer.status !== previousStatus) safely(() => options.onStatusChange?.(progress(previousStatus, polls, waitedMs)));
      safely(() => options.onPoll?.(progress(previousStatus, polls, waitedMs)));
    },
    onError: (error, polls, waitedMs) => options.onPoll?.(progress(record?.status, polls, waitedMs, error)),
  });
  const { answer: _answer, ...rest } = result;
  return { ...rest, record };
}

/** One observer that throws must not keep the next from being told. */
function safely(callback: () => void): void {
  try {
    callback();
  } catch {
    // deliberately ignored
  }
}
