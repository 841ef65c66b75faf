/**
 * The task waiter: polls one Redis task until it ends or its deadline passes. A pure core with
 * time, randomness and the API call injected; results are values.
 */
export { waitForTask } from "./poller";
export type { Clock, TaskQuery, WaitState, WaitResult, WaitProgress, WaitOptions } from "./types";
export { systemClock, sleep } from "./clock";
export { VirtualClock } from "./virtualClock";
export type { VirtualClockOptions } from "./virtualClock";
export { pollDelay, nextPollDelay, FINAL_POLL_MARGIN_MS, BACKOFF_GROWTH, DEADLINE_GRACE_MS } from "./backoff";
export type { NextPollInput } from "./backoff";
export { RateLimiter, sharedRateLimiter, sharedPace, configureSharedRateLimiter, DEFAULT_RATE_PER_SECOND } from "./rateLimiter";
export { AdaptivePace } from "./adaptivePace";
export type { AdaptivePaceOptions } from "./adaptivePace";
export type { RateLimiterOptions } from "./rateLimiter";
export { PollCoalescer, coalesce, sharedPollCoalescer } from "./coalesce";
export { sharedTaskQuery, taskPollKey } from "./query";
export { queryWithRetries } from "./retryQuery";
export type { QueryRetryOptions, QueryRetryResult } from "./retryQuery";
export type { SharedTaskQueryOptions, TaskPollKeyParts } from "./query";
