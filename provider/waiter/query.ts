/** Wires a DescribeTaskInfo call through the shared coalescer and rate limiter. */
import type { PollCoalescer } from "./coalesce";
import { sharedPollCoalescer } from "./coalesce";
import type { AdaptivePace } from "./adaptivePace";
import type { RateLimiter } from "./rateLimiter";
import { sharedPace, sharedRateLimiter } from "./rateLimiter";
import { isRateLimitCode } from "../api/classify";
import type { TaskQuery } from "./types";

/** What identifies "the same poll": calls that would get the same answer. */
export interface TaskPollKeyParts {
  /** The endpoint actually called (resolved URL, the default public one included). */
  endpoint: string;
  region: string;
  requestId: number;
  apiVersion?: string;
  /** Another account may get another answer (or an auth error) for the same task ID. */
  secretId?: string;
}

/** The coalescing key of a poll; JSON keeps the parts unambiguous whatever characters they hold. */
export function taskPollKey(parts: TaskPollKeyParts): string {
  return JSON.stringify([parts.apiVersion ?? "", parts.endpoint, parts.region, parts.secretId ?? "", parts.requestId]);
}

/** Options of {@link sharedTaskQuery}. */
export interface SharedTaskQueryOptions {
  /** From {@link taskPollKey}. */
  key: string;
  query: TaskQuery;
  /** Default the process-wide limiter; `false` for none. */
  rateLimiter?: RateLimiter | false;
  /** What learns from the answers how fast the API lets us go; default the process-wide pace when the limiter is the process-wide one. */
  pace?: AdaptivePace | false;
  /** Default the process-wide coalescer; `false` for none. */
  coalescer?: PollCoalescer | false;
  /** Accept a shared answer up to this old instead of calling (see `PollCoalescer`); default 0. */
  maxAgeMs?: number;
  /** The caller's clock, which ages shared answers for it; default the coalescer's (real time). */
  now?: () => number;
}

/**
 * `query`, made polite: concurrent calls with the same key share one call (coalescing comes
 * first, so a shared call takes one permit), each real call waits for a rate-limit permit, and
 * its answer tells the pace whether the API wants us slower.
 */
export function sharedTaskQuery(options: SharedTaskQueryOptions): TaskQuery {
  const limiter = options.rateLimiter === undefined ? sharedRateLimiter() : options.rateLimiter || undefined;
  const pace = options.pace === undefined ? (options.rateLimiter === undefined ? sharedPace() : undefined) : options.pace || undefined;
  const coalescer = options.coalescer === undefined ? sharedPollCoalescer() : options.coalescer || undefined;
  const { query, key } = options;
  const paced: TaskQuery = limiter ? pacedCall(limiter, pace, query) : query;
  return coalescer ? (signal) => coalescer.run(key, paced, signal, options.maxAgeMs ?? 0, options.now) : paced;
}

/**
 * `call`, made to wait for a permit of `limiter` first; its answer tells `pace` whether the API
 * wants us slower. The one way every API call of this package is paced, whatever its budget.
 */
export function pacedCall<A extends unknown[], T>(limiter: RateLimiter, pace: AdaptivePace | undefined, call: (signal: AbortSignal | undefined, ...args: A) => Promise<T>) {
  return async (signal?: AbortSignal, ...args: A): Promise<T> => {
    await limiter.acquire(signal);
    try {
      const answer = await call(signal, ...args);
      pace?.onAnswered();
      return answer;
    } catch (error) {
      if (isRateLimitCode((error as { code?: number | string }).code)) pace?.onThrottled();
      throw error;
    }
  };
}
