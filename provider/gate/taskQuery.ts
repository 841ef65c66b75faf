/**
 * One DescribeTaskInfo call for one task as waits and reads make it: paced by the process-wide
 * rate limiter and shared with concurrent calls for the same task, so that all the TaskWaits a
 * deployment (or a refresh) runs in one provider process stay under the API's quota together.
 */
import { describeTaskInfo, endpointOf } from "../api/describeTaskInfo";
import type { ClientSettings, Transport } from "../api/types";
import { sharedTaskQuery, taskPollKey } from "../waiter/query";
import type { RateLimiter } from "../waiter/rateLimiter";
import type { Clock, TaskQuery } from "../waiter/types";

/** Options of {@link redisTaskQuery}; each has a production default. */
export interface RedisTaskQueryOptions {
  transport?: Transport;
  /** The clock whose time signs the requests; default the system's. */
  clock?: Clock;
  /** Default the process-wide limiter; `false` for none. */
  rateLimiter?: RateLimiter | false;
  /** Accept another caller's answer up to this old instead of calling; default 0. */
  maxAgeMs?: number;
}

/** The paced, shared DescribeTaskInfo call for `requestId` with `settings`. */
export function redisTaskQuery(requestId: number, settings: ClientSettings, options: RedisTaskQueryOptions = {}): TaskQuery {
  const { clock } = options;
  return sharedTaskQuery({
    key: taskPollKey({ endpoint: endpointOf(settings), region: settings.region, requestId, apiVersion: settings.apiVersion, secretId: settings.secretId }),
    query: (signal) => describeTaskInfo(requestId, settings, { transport: options.transport, signal, now: clock && (() => clock.now()) }),
    rateLimiter: options.rateLimiter,
    maxAgeMs: options.maxAgeMs,
    now: clock && (() => clock.now()),
  });
}
