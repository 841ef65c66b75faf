/**
 * Client-side request pacing. All dynamic resources of a deployment run in one provider host
 * process, so their polls share one limiter and together stay under the API's quota.
 */
import { abortReason } from "./abort";
import { systemClock } from "./clock";
import { AdaptivePace } from "./adaptivePace";
import type { Clock } from "./types";

/**
 * Default pace of the shared limiter: the 20 requests/s per account that DescribeTaskInfo
 * documents. Other clients of the account take their share of it; `AdaptivePace` finds what is
 * left by backing off on `RequestLimitExceeded` (`sharedPace`).
 */
export const DEFAULT_RATE_PER_SECOND = 20;

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Permits per second (> 0; `Infinity` for no limit). */
  ratePerSecond: number;
  /** Default `systemClock`. */
  clock?: Clock;
}

interface Waiter {
  grant(): void;
}

/**
 * Hands out permits one at a time, at least `1000 / ratePerSecond` ms apart, in the order they
 * were asked for. Burst size 1: with even spacing no one-second window holds more than
 * `ratePerSecond` permits (+1 when a window's both ends land exactly on permits).
 */
export class RateLimiter {
  private intervalMs: number;
  private readonly clock: Clock;
  private readonly queue: Waiter[] = [];
  private lastGrantAt = -Infinity;
  private pumping = false;
  /** Interrupts the pump's sleep when the rate changes or the queue empties. */
  private wake?: AbortController;

  constructor(options: RateLimiterOptions) {
    this.intervalMs = intervalOf(options.ratePerSecond);
    this.clock = options.clock ?? systemClock;
  }

  /** The current rate, in permits per second. */
  get ratePerSecond(): number {
    return 1000 / this.intervalMs;
  }

  /** Callers waiting for a permit. */
  get queued(): number {
    return this.queue.length;
  }

  /** Changes the pace; queued callers are served at the new pace from the last permit on. */
  setRate(ratePerSecond: number): void {
    this.intervalMs = intervalOf(ratePerSecond);
    this.wake?.abort();
  }

  /**
   * Resolves when the caller may send one request. When `signal` aborts first, the caller leaves
   * the queue (later callers move up) and the promise rejects with the abort reason.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.queue.length === 0 && this.clock.now() >= this.lastGrantAt + this.intervalMs) {
      this.lastGrantAt = this.clock.now();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        if (this.queue.length === 0) this.wake?.abort(); // let the pump stop instead of sleeping for nobody
        reject(abortReason(signal!));
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump();
    });
  }

  /** Serves the queue head whenever its permit is due; one pump runs at a time. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const dueIn = this.lastGrantAt + this.intervalMs - this.clock.now();
        if (dueIn > 0) {
          this.wake = new AbortController();
          await this.clock.sleep(dueIn, this.wake.signal).catch(() => undefined); // woken early: re-check
          continue;
        }
        // Spacing counts from when the permit is actually given, so a late timer never causes a burst.
        this.lastGrantAt = this.clock.now();
        this.queue.shift()!.grant();
      }
    } finally {
      this.pumping = false;
      this.wake = undefined;
    }
  }
}

function intervalOf(ratePerSecond: number): number {
  if (!(ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be a positive number; got ${ratePerSecond}`);
  return 1000 / ratePerSecond;
}

/**
 * Shared instances live on globalThis, not in a module variable: Pulumi serializes each provider
 * with its own copy of local modules, and all copies in the provider host must share one limiter.
 */
function shared<T>(slotName: string, make: () => T): T {
  const slot = globalThis as unknown as Record<string, T | undefined>;
  return (slot[slotName] ??= make());
}

/** The process-wide limiter for DescribeTaskInfo calls, created on first use at {@link DEFAULT_RATE_PER_SECOND}. */
export function sharedRateLimiter(): RateLimiter {
  return shared("__pulumiTencentcloudRedisTaskRateLimiter", () => new RateLimiter({ ratePerSecond: DEFAULT_RATE_PER_SECOND }));
}

/** The adaptive pace steering the process-wide limiter, its ceiling {@link DEFAULT_RATE_PER_SECOND} until configured. */
export function sharedPace(): AdaptivePace {
  return shared("__pulumiTencentcloudRedisTaskPace", () => new AdaptivePace(sharedRateLimiter(), { ceiling: DEFAULT_RATE_PER_SECOND }));
}

/** Sets the ceiling of the process-wide pace (the configured calls per second); the rate restarts there. */
export function configureSharedRateLimiter(ratePerSecond: number): void {
  sharedPace().setCeiling(ratePerSecond);
}

/**
 * DescribeTaskList's own documented limit, 100 requests/s: a budget apart from DescribeTaskInfo's
 * 20, so instance gates and task gates never slow each other down.
 */
export const TASK_LIST_RATE_PER_SECOND = 100;

/** A limiter and the pace steering it: one per API budget. */
export interface ApiBudget {
  limiter: RateLimiter;
  pace: AdaptivePace;
}

/** The process-wide DescribeTaskList budget, shared by every instance gate, listing and refresh. */
export function sharedTaskListBudget(): ApiBudget {
  return shared("__pulumiTencentcloudRedisTaskListBudget", () => {
    const limiter = new RateLimiter({ ratePerSecond: TASK_LIST_RATE_PER_SECOND });
    return { limiter, pace: new AdaptivePace(limiter, { ceiling: TASK_LIST_RATE_PER_SECOND }) };
  });
}
