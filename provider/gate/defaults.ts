/**
 * Default wait settings. The poll intervals come from the schedule study in
 * docs/BENCHMARKS.md (`npm run bench`): they must beat the Terraform provider's call count and
 * the AWS SDK defaults' detection delay at every task duration measured.
 */

/** How long a wait lasts by default: long enough for most resizes, short enough to notice a stuck task. */
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;
/** The first interval between polls, and the lower bound of every later one. */
export const DEFAULT_MIN_POLL_INTERVAL_MS = 2_000;
/** The upper bound of the interval between polls. */
export const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000;
/** Process-wide DescribeTaskInfo calls per second at most: the documented quota; the pace adapts below it on throttling. */
export { DEFAULT_RATE_PER_SECOND as DEFAULT_RATE_LIMIT_PER_SECOND } from "../waiter/rateLimiter";
/** A progress line at least this often while a wait goes on, so a long wait never looks hung. */
export const PROGRESS_HEARTBEAT_MS = 60_000;

/**
 * How long a read (`pulumi refresh`) keeps retrying throttled or failing calls. A refresh of
 * hundreds of gates queues them all behind the process-wide rate limiter at once; two minutes
 * covers that queue at the default pace plus some throttling from other clients of the account.
 */
export const READ_RETRY_BUDGET_MS = 120_000;
/** Smallest and largest delay between the tries of a read. */
export const READ_RETRY_MIN_DELAY_MS = 1_000;
export const READ_RETRY_MAX_DELAY_MS = 10_000;
