/** A scripted DescribeTaskInfo for waiter tests, answering in virtual time. */
import { TaskApiError, type TaskApiErrorDetails } from "../../provider/api/errors";
import { statusText, type TaskStatusCode } from "../../provider/api/status";
import type { TaskRecord } from "../../provider/api/types";
import { VirtualClock, type Clock, type WaitOptions } from "../../provider/waiter";
import { DEADLINE_GRACE_MS } from "../../provider/waiter/backoff";

export const REQUEST_ID = 11963;

export function taskRecord(status: TaskStatusCode, requestId = REQUEST_ID): TaskRecord {
  return { requestId, status, statusText: statusText(status), code: 0, message: "", codeDesc: "Success" };
}

export function apiError(code: number, overrides: Partial<TaskApiErrorDetails> = {}): TaskApiError {
  return new TaskApiError({ kind: "api", requestId: REQUEST_ID, code, retryable: false, ...overrides });
}

/** A step of the script: a status to answer, or something to throw. */
export type Step = TaskStatusCode | Error;

/**
 * A query that answers the steps in order (the last one repeats), after `latencyMs` of virtual
 * time, and records when each call started.
 */
export function scriptedQuery(clock: Clock, steps: Step[], latencyMs = 0) {
  const callTimes: number[] = [];
  const signals: Array<AbortSignal | undefined> = [];
  const query = async (signal?: AbortSignal): Promise<TaskRecord> => {
    const step = steps[Math.min(callTimes.length, steps.length - 1)];
    callTimes.push(clock.now());
    signals.push(signal);
    if (latencyMs > 0) await clock.sleep(latencyMs, signal);
    if (step instanceof Error) throw step;
    return taskRecord(step);
  };
  return { query, callTimes, signals };
}

/** Random numbers from a list, in order (the last one repeats). */
export function randomSequence(...values: number[]): () => number {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)];
}

/**
 * The poll delays a wait slept, after checking its first sleep: the watch that abandons a call
 * still in flight DEADLINE_GRACE_MS after the deadline.
 */
export function pollDelays(clock: VirtualClock, timeoutMs: number): number[] {
  expect(clock.sleepCalls[0]).toBe(timeoutMs + DEADLINE_GRACE_MS);
  return clock.sleepCalls.slice(1);
}

/**
 * A wait in auto-advancing virtual time with the given script; overrides change one thing.
 * Doubling keeps the expected schedules easy to follow; the default growth is tested on its own.
 */
export function setupWait(steps: Step[], overrides: Partial<WaitOptions> = {}, latencyMs = 0) {
  const clock = new VirtualClock({ autoAdvance: true });
  const script = scriptedQuery(clock, steps, latencyMs);
  const options: WaitOptions = {
    requestId: REQUEST_ID,
    query: script.query,
    timeoutMs: 60_000,
    minPollIntervalMs: 1000,
    maxPollIntervalMs: 8000,
    clock,
    random: () => 0.5,
    backoffGrowth: 2,
    ...overrides,
  };
  return { clock, script, options };
}
