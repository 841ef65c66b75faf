/**
 * One wait for one Redis task, as TaskWait and `tencentcloud-redis-task wait` both run it: the
 * durations parsed, the DescribeTaskInfo calls paced and shared process-wide, progress reported.
 */
import type { ClientSettings, Transport } from "../api/types";
import { parseDuration } from "../input/duration";
import { waitForTask } from "../waiter/poller";
import { redisTaskQuery } from "./taskQuery";
import type { RateLimiter } from "../waiter/rateLimiter";
import type { Clock, WaitResult } from "../waiter/types";
import { DEFAULT_MAX_POLL_INTERVAL_MS, DEFAULT_MIN_POLL_INTERVAL_MS, DEFAULT_TIMEOUT_MS } from "./defaults";
import { ProgressReporter } from "./progress";
import { InputError } from "../api/errors";
import { showValue } from "../input/showValue";
import { trackWait } from "./cancellation";
import { currentProgressWriter, type ProgressWriter } from "./progressSink";

/** Options of {@link waitForRedisTask}; durations as users write them (`"45m"`, `"1s"`, seconds). */
export interface RedisTaskWaitOptions {
  requestId: number;
  settings: ClientSettings;
  timeout?: string | number;
  minPollInterval?: string | number;
  maxPollInterval?: string | number;
  /** Prefix of progress lines, e.g. `TaskWait gate` → `[TaskWait gate] task 11963: …`. */
  label: string;
  /** Where progress lines go; default the current operation's sink, else stderr (see `progressSink.ts`). `null` for none. */
  writeProgress?: ProgressWriter | null;
  signal?: AbortSignal;
  clock?: Clock;
  random?: () => number;
  transport?: Transport;
  /** Default the process-wide limiter. */
  rateLimiter?: RateLimiter | false;
}

/** The waiter's result plus the timeout that applied. */
export interface RedisTaskWaitResult extends WaitResult {
  timeoutMs: number;
  /** For `aborted`: why (a `WaitCanceled` when the process cancelled its waits). */
  abortReason?: unknown;
}

type DurationField = "timeout" | "minPollInterval" | "maxPollInterval";
const FIELD_NAMES: Record<DurationField, string> = { timeout: "timeout", minPollInterval: "minPollInterval", maxPollInterval: "maxPollInterval" };

/**
 * Parses the three durations, with the defaults, checking min ≤ max. `names` are the fields as
 * the user wrote them (the CLI's `--timeout`), for error messages.
 */
export function waitDurations(options: Pick<RedisTaskWaitOptions, DurationField>, names: Record<DurationField, string> = FIELD_NAMES) {
  const ms = (value: string | number | undefined, field: string, fallback: number) =>
    value === undefined || value === "" ? fallback : parseDuration(value, field);
  const timeoutMs = ms(options.timeout, names.timeout, DEFAULT_TIMEOUT_MS);
  const minPollIntervalMs = ms(options.minPollInterval, names.minPollInterval, DEFAULT_MIN_POLL_INTERVAL_MS);
  // A minimum above the default maximum raises the maximum with it rather than failing.
  const maxPollIntervalMs = ms(options.maxPollInterval, names.maxPollInterval, Math.max(DEFAULT_MAX_POLL_INTERVAL_MS, minPollIntervalMs));
  if (minPollIntervalMs > maxPollIntervalMs) {
    throw new InputError(
      names.minPollInterval,
      `${names.minPollInterval} must not exceed ${names.maxPollInterval}; got ${showValue(options.minPollInterval)} > ${showValue(options.maxPollInterval)}`,
    );
  }
  return { timeoutMs, minPollIntervalMs, maxPollIntervalMs };
}

/**
 * Waits for the task until it ends, the timeout passes, `options.signal` aborts or the process
 * cancels its waits (`cancelWaitsInProgress`); the outcome is a value, never thrown.
 */
export async function waitForRedisTask(options: RedisTaskWaitOptions): Promise<RedisTaskWaitResult> {
  const durations = waitDurations(options);
  const { requestId, settings } = options;
  const query = redisTaskQuery(requestId, settings, {
    transport: options.transport,
    clock: options.clock,
    rateLimiter: options.rateLimiter,
    // Another wait's answer no older than this wait's own minimum interval is as good as a poll.
    maxAgeMs: durations.minPollIntervalMs,
  });
  const write = options.writeProgress === undefined ? currentProgressWriter() : options.writeProgress;
  const reporter = write ? new ProgressReporter(options.label, requestId, write) : undefined;
  const tracked = trackWait();
  const signal = options.signal ? AbortSignal.any([options.signal, tracked.signal]) : tracked.signal;
  try {
    const result = await waitForTask({
      requestId,
      query,
      ...durations,
      clock: options.clock,
      random: options.random,
      signal,
      onStatusChange: (event) => reporter?.observe({ record: event.record, polls: event.polls, waitedMs: event.waitedMs }, true),
      onPoll: (event) =>
        reporter?.observe({ record: event.record, polls: event.polls, waitedMs: event.waitedMs, retrying: event.error?.retryable ? String(event.error.code ?? event.error.kind) : undefined }, false),
    });
    return { ...result, timeoutMs: durations.timeoutMs, ...(signal.aborted ? { abortReason: signal.reason } : {}) };
  } finally {
    tracked.done();
    reporter?.stop();
  }
}
