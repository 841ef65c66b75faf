/**
 * Adaptive pacing of the shared rate limiter (additive increase, multiplicative decrease, as TCP
 * and the AWS SDK's adaptive retry mode do). The account's DescribeTaskInfo quota (20 calls/s,
 * documented) is shared with everything else the account runs, which no client can see: pacing
 * at a fixed fraction of it wastes half the quota when the account is quiet, and still overruns
 * it when it is not. So the limiter starts at the ceiling, halves its rate when the API says
 * `RequestLimitExceeded`, and climbs back while it does not.
 */
import { systemClock } from "./clock";
import type { RateLimiter } from "./rateLimiter";
import type { Clock } from "./types";

/**
 * One overload answers every call in flight at that moment; throttled answers this soon after a
 * decrease are its echo, not news, and do not decrease again.
 */
export const DECREASE_COOLDOWN_MS = 1_000;
/** The factor a throttled answer applies to the rate. */
export const DECREASE_FACTOR = 0.5;
/** Recovery per second without throttling, as a fraction of the ceiling: from half to full in 5 s. */
export const RECOVERY_PER_SECOND = 0.1;
/** The slowest pace: a wait still polls about once a second, shared among all waits. */
export const MIN_RATE_PER_SECOND = 1;

/** Options of {@link AdaptivePace}. */
export interface AdaptivePaceOptions {
  /** The highest rate, and the starting one (calls per second). */
  ceiling: number;
  clock?: Clock;
}

/** Steers a {@link RateLimiter}'s rate between {@link MIN_RATE_PER_SECOND} and a ceiling. */
export class AdaptivePace {
  private ceilingRate: number;
  private rate: number;
  private lastChangeAt: number;
  private lastDecreaseAt = -Infinity;
  private readonly clock: Clock;

  constructor(
    private readonly limiter: RateLimiter,
    options: AdaptivePaceOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.ceilingRate = checkedRate(options.ceiling);
    this.rate = this.ceilingRate;
    this.lastChangeAt = this.clock.now();
    limiter.setRate(this.rate);
  }

  /** The rate in force, in calls per second. */
  get ratePerSecond(): number {
    return this.rate;
  }

  /** The highest rate. */
  get ceiling(): number {
    return this.ceilingRate;
  }

  /** Sets the ceiling (configuration); the rate restarts there. */
  setCeiling(ceiling: number): void {
    this.ceilingRate = checkedRate(ceiling);
    this.apply(this.ceilingRate);
  }

  /** The API answered a call with its rate-limit error: slow down, once per overload. */
  onThrottled(): void {
    const now = this.clock.now();
    if (now - this.lastDecreaseAt < DECREASE_COOLDOWN_MS) return;
    this.lastDecreaseAt = now;
    this.apply(Math.max(MIN_RATE_PER_SECOND, Math.min(this.ceilingRate, this.rate) * DECREASE_FACTOR));
  }

  /** The API answered a call without throttling: climb back toward the ceiling, by elapsed time. */
  onAnswered(): void {
    if (this.rate >= this.ceilingRate) return;
    const elapsedSeconds = (this.clock.now() - this.lastChangeAt) / 1000;
    const recovered = this.rate + elapsedSeconds * RECOVERY_PER_SECOND * this.ceilingRate;
    // Small steps are folded into the next answer rather than re-pacing the queue on every call.
    if (recovered - this.rate >= 0.5 || recovered >= this.ceilingRate) this.apply(Math.min(this.ceilingRate, recovered));
  }

  private apply(rate: number): void {
    this.rate = rate;
    this.lastChangeAt = this.clock.now();
    this.limiter.setRate(rate);
  }
}

function checkedRate(rate: number): number {
  if (!(Number.isFinite(rate) && rate > 0)) throw new RangeError(`the rate ceiling must be a positive number of calls per second; got ${rate}`);
  return rate;
}
