/** A token bucket on the emulator's clock, like the service's documented 20 requests/s. */

/** Capacity = rate, refilled continuously at `rate` tokens per second of the injected clock. */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly clock: () => number,
  ) {
    // Starts full: the first burst of `rate` requests passes, the next one in the same second does not.
    this.tokens = ratePerSecond;
    this.lastMs = clock();
  }

  /** Takes one token if there is one; false means the request is over the limit. */
  take(): boolean {
    const now = this.clock();
    // A clock moved backwards (tests rewinding virtual time) must not drain the bucket.
    const elapsed = Math.max(0, now - this.lastMs);
    this.tokens = Math.min(this.ratePerSecond, this.tokens + (elapsed / 1000) * this.ratePerSecond);
    this.lastMs = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
