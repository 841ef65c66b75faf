/** Types of the task waiter: its options, its result and the injected clock. Types only. */
import type { TaskApiError } from "../api/errors";
import type { TaskRecord } from "../api/types";

/**
 * Where the waiter reads time and sleeps. Injected so that tests and the benchmark run whole
 * waits in virtual time (see `VirtualClock`), and production uses `systemClock`.
 */
export interface Clock {
  /** Current time in milliseconds. Only differences are used, so any origin will do. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds. When `signal` aborts first, it settles early (rejecting
   * with the abort reason); the waiter checks `signal.aborted` itself either way.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** One DescribeTaskInfo call for the task; rejects with a `TaskApiError` when the call fails. */
export type TaskQuery = (signal?: AbortSignal) => Promise<TaskRecord>;

/**
 * How a wait ended.
 * - `succeeded`: the task reached status 2.
 * - `failed`: the task reached status 3 (failed) or -1 (execution error).
 * - `timedOut`: the deadline passed while the task was still waiting or executing.
 * - `aborted`: the caller's AbortSignal fired.
 * - `error`: a DescribeTaskInfo call failed in a way that retrying will not fix.
 */
export type WaitState = "succeeded" | "failed" | "timedOut" | "aborted" | "error";

/** The outcome of {@link WaitOptions} applied by `waitForTask`: a value, never a thrown error. */
export interface WaitResult {
  state: WaitState;
  /** The last task record seen, if any poll succeeded. */
  record?: TaskRecord;
  /** DescribeTaskInfo calls attempted by this wait (successful or not, including one cut short by an abort). */
  polls: number;
  /** Milliseconds from the start of the wait to its end, on the wait's clock. */
  waitedMs: number;
  /**
   * For `error`: the permanent error that ended the wait. For `timedOut`: the error of the last
   * poll, when that poll failed (undefined when the last poll returned a record).
   */
  error?: TaskApiError;
}

/** What progress callbacks receive. */
export interface WaitProgress {
  requestId: number;
  /** The last task record seen (for a failed poll: the one before it, if any). */
  record?: TaskRecord;
  /** The status of the record seen before this poll; undefined before the first record. */
  previousStatus?: number;
  /** Polls attempted so far, this one included. */
  polls: number;
  /** Milliseconds since the wait started. */
  waitedMs: number;
  /** The error of this poll, when it failed. */
  error?: TaskApiError;
}

/** Options of `waitForTask`. */
export interface WaitOptions {
  /** The task being waited for; reported in progress events and in wrapped errors. */
  requestId: number;
  /** One DescribeTaskInfo call. Wrap it with `sharedTaskQuery` to rate-limit and coalesce it. */
  query: TaskQuery;
  /** How long to wait in total, in milliseconds (> 0). */
  timeoutMs: number;
  /** Delay after the first poll and lower bound of every delay, in milliseconds (> 0). */
  minPollIntervalMs: number;
  /** Upper bound of every delay, in milliseconds (>= minPollIntervalMs). */
  maxPollIntervalMs: number;
  /** Factor by which the ceiling of the jittered delay grows per poll; default `BACKOFF_GROWTH` (1.75). */
  backoffGrowth?: number;
  /** Default `systemClock`. */
  clock?: Clock;
  /** Uniform random numbers in [0, 1) for the jitter; default `Math.random`. */
  random?: () => number;
  /** Ends the wait with state `aborted`, even in the middle of a sleep or a call. */
  signal?: AbortSignal;
  /** Called after a poll whose status differs from the previous record's, the first record included. */
  onStatusChange?: (event: WaitProgress) => void;
  /** Called after every poll, successful or not (after `onStatusChange`). */
  onPoll?: (event: WaitProgress) => void;
}
