/**
 * One read of a Redis task's state, as `pulumi refresh` makes it for a TaskWait: through the
 * process-wide rate limiter and poll sharing like the waits, with throttled and transient
 * failures retried for a while (a refresh of many gates queues them all at once), never waiting
 * for the task itself.
 */
import type { ClientSettings, TaskRecord, Transport } from "../api/types";
import type { RateLimiter } from "../waiter/rateLimiter";
import { cancellableRead, type ReadRetryOptions } from "./cancellableRead";
import { redisTaskQuery } from "./taskQuery";

/** Options of {@link readRedisTask}; all but the task and settings have production defaults. */
export interface RedisTaskReadOptions extends ReadRetryOptions {
  requestId: number;
  settings: ClientSettings;
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
  return cancellableRead(requestId, redisTaskQuery(requestId, settings, { transport: options.transport, clock: options.clock, rateLimiter: options.rateLimiter }), options);
}
