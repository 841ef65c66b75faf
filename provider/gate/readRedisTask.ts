/**
 * One read of a Redis task's state, as `pulumi refresh` makes it for a TaskWait: through the
 * process-wide rate limiter and poll sharing like the waits, with throttled and transient
 * failures retried for a while (a refresh of many gates queues them all at once), never waiting
 * for the task itself.
 */
import type { ClientSettings, TaskRecord, Transport } from "../api/types";
import type { RateLimiter } from "../waiter/rateLimiter";
import { queryWithRetries } from "../waiter/retryQuery";
import type { Clock } from "../waiter/types";
import { trackWait } from "./cancellation";
import { READ_RETRY_BUDGET_MS, READ_RETRY_MAX_DELAY_MS, READ_RETRY_MIN_DELAY_MS } from "./defaults";
import { redisTaskQuery } from "./taskQuery";

/** Options of {@link readRedisTask}; all but the task and settings have production defaults. */
export interface RedisTaskReadOptions {
  requestId: number;
  settings: ClientSettings;
  /** How long to keep retrying, in ms; default {@link READ_RETRY_BUDGET_MS}. */
  budgetMs?: number;
  clock?: Clock;
  random?: () => number;
  transport?: Transport;
  /** Default the process-wide limiter. */
  rateLimiter?: RateLimiter | false;
}

/**
 * The task's current record. Rejects with the `TaskApiError` that ended the tries (a permanent
 * one, or the last when the budget is spent), or with the cancellation when the engine cancels.
 */
export async function readRedisTask(options: RedisTaskReadOptions): Promise<TaskRecord> {
  const { requestId, settings } = options;
  // Registered like a wait, so the engine's Cancel (Ctrl-C) ends a read that is retrying too.
  const tracked = trackWait();
  try {
    const { record } = await queryWithRetries({
      requestId,
      query: redisTaskQuery(requestId, settings, { transport: options.transport, clock: options.clock, rateLimiter: options.rateLimiter }),
      budgetMs: options.budgetMs ?? READ_RETRY_BUDGET_MS,
      minDelayMs: READ_RETRY_MIN_DELAY_MS,
      maxDelayMs: READ_RETRY_MAX_DELAY_MS,
      clock: options.clock,
      random: options.random,
      signal: tracked.signal,
    });
    return record;
  } finally {
    tracked.done();
  }
}
