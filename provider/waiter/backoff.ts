/**
 * How long to sleep between polls: pure functions of the attempt, the bounds, a random number
 * and the time left, so tests can assert the exact schedule.
 */

/**
 * How long before the deadline the final poll is made. Timers fire late, never early, and the
 * call itself takes time; polling this much before the deadline keeps the final poll inside it
 * instead of giving up right after a wake-up that landed just past it.
 */
export const FINAL_POLL_MARGIN_MS = 50;

/**
 * How fast the ceiling of the jittered delay grows per poll. With doubling (smithy's and AWS's
 * choice) our schedule only tied the AWS defaults on detection delay for short tasks, whatever the
 * bounds; 1.75 with bounds (2 s, 30 s) beats Terraform's call count and the AWS defaults' mean
 * delay at every task duration studied (docs/BENCHMARKS.md).
 */
export const BACKOFF_GROWTH = 1.75;

/**
 * How long after the deadline a call still in flight may finish before the wait abandons it and
 * times out: room for the final poll's answer, far shorter than the per-request timeout.
 */
export const DEADLINE_GRACE_MS = 500;

/**
 * Full-jitter exponential backoff, as smithy's waiters do it but growing by
 * {@link BACKOFF_GROWTH} instead of 2: a whole number of milliseconds drawn uniformly from
 * [minMs, min(maxMs, minMs * BACKOFF_GROWTH^(attempt - 1))].
 *
 * @param attempt 1 for the delay after the first poll, 2 after the second, ...
 * @param random a uniform random number in [0, 1).
 * @param growth the factor of the ceiling per attempt; default {@link BACKOFF_GROWTH}.
 */
export function pollDelay(attempt: number, minMs: number, maxMs: number, random: number, growth: number = BACKOFF_GROWTH): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer >= 1; got ${attempt}`);
  checkBounds(minMs, maxMs);
  if (!(random >= 0 && random <= 1)) throw new RangeError(`random must be in [0, 1); got ${random}`);
  // Past log(max/min) growth steps the cap is reached: decide that without computing the power,
  // which becomes Infinity (and min * power NaN-prone) for large attempts.
  if (!(Number.isFinite(growth) && growth > 1)) throw new RangeError(`growth must be a number > 1; got ${growth}`);
  const steps = Math.log(maxMs / minMs) / Math.log(growth);
  const ceiling = attempt - 1 >= steps ? maxMs : Math.min(maxMs, minMs * growth ** (attempt - 1));
  const low = Math.ceil(minMs);
  const high = Math.max(low, Math.floor(ceiling));
  // Uniform over the integers low..high inclusive; the clamp guards a random source returning 1.
  return Math.min(high, low + Math.floor(random * (high - low + 1)));
}

/** What {@link nextPollDelay} needs. */
export interface NextPollInput {
  /** The number of polls made so far (1 after the first). */
  attempt: number;
  minMs: number;
  maxMs: number;
  /** A uniform random number in [0, 1). */
  random: number;
  /** Milliseconds left until the deadline (may be negative). */
  remainingMs: number;
  /** Default {@link FINAL_POLL_MARGIN_MS}. */
  finalPollMarginMs?: number;
  /** Default {@link BACKOFF_GROWTH}. */
  growth?: number;
}

/**
 * The delay before the next poll, or undefined when no further poll fits before the deadline.
 * When the backoff delay would wake at or past `deadline - margin`, the delay is cut so that one
 * final poll is made `margin` ms before the deadline; after it, `remainingMs <= margin` and the
 * answer is undefined. So a wait never gives up without having looked just before its deadline.
 */
export function nextPollDelay(input: NextPollInput): number | undefined {
  const margin = input.finalPollMarginMs ?? FINAL_POLL_MARGIN_MS;
  const untilFinalPoll = input.remainingMs - margin;
  if (untilFinalPoll <= 0) return undefined;
  const delay = pollDelay(input.attempt, input.minMs, input.maxMs, input.random, input.growth);
  return Math.min(delay, untilFinalPoll);
}

function checkBounds(minMs: number, maxMs: number): void {
  if (!(Number.isFinite(minMs) && minMs > 0)) throw new RangeError(`minMs must be a positive number; got ${minMs}`);
  if (!(Number.isFinite(maxMs) && maxMs >= minMs)) throw new RangeError(`maxMs must be a number >= minMs (${minMs}); got ${maxMs}`);
}
