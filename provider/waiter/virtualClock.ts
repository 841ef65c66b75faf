/**
 * A clock whose time moves only when told to, so that tests and the benchmark run an hour of
 * waiting in milliseconds and get the same schedule every run.
 */
import { abortReason } from "./abort";
import type { Clock } from "./types";

/** Options of {@link VirtualClock}. */
export interface VirtualClockOptions {
  /** The initial value of `now()`; default 0. */
  startMs?: number;
  /**
   * Jump to the earliest pending wake-up whenever the process is otherwise idle (see
   * {@link VirtualClock.setAutoAdvance}); default false (time moves only by `advance`/`runUntilIdle`).
   */
  autoAdvance?: boolean;
  /** Keep every sleep duration in `sleepCalls`; default true. Turn off for long benchmarks. */
  recordSleeps?: boolean;
}

interface Timer {
  wakeAt: number;
  /** Creation order: timers due at the same instant wake in the order they were set, as real timers do. */
  seq: number;
  wake(): void;
}

/** Lets every queued microtask (promise continuation) run: setImmediate fires only after they drain. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A {@link Clock} in virtual time. */
export class VirtualClock implements Clock {
  /** Every duration passed to `sleep`, in call order: tests assert exact delays against it. */
  readonly sleepCalls: number[] = [];
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;
  private auto: boolean;
  private jumpScheduled = false;
  private readonly recordSleeps: boolean;

  constructor(options: VirtualClockOptions = {}) {
    this.current = options.startMs ?? 0;
    this.auto = options.autoAdvance ?? false;
    this.recordSleeps = options.recordSleeps ?? true;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.recordSleeps) this.sleepCalls.push(ms);
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(abortReason(signal!));
      };
      const timer: Timer = {
        wakeAt: this.current + Math.max(0, ms),
        seq: this.seq++,
        wake: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.timers.push(timer);
      this.timers.sort((a, b) => a.wakeAt - b.wakeAt || a.seq - b.seq);
      this.scheduleJump();
    });
  }

  /** Sleeps not yet woken (aborted ones are removed). */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** When the earliest pending sleep wakes, or undefined when none is pending. */
  nextWakeAt(): number | undefined {
    return this.timers[0]?.wakeAt;
  }

  /**
   * Moves time forward by `ms`, waking due sleeps one at a time in order and letting their
   * continuations run (and set new sleeps) before moving on, as the event loop would.
   */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await settle();
    while (this.timers.length > 0 && this.timers[0].wakeAt <= target) {
      this.wakeFirst();
      await settle();
    }
    this.current = Math.max(this.current, target);
  }

  /**
   * Wakes pending sleeps in order until none is left, letting continuations run in between.
   * `maxSteps` stops a loop that would never end (something that sleeps forever in a cycle).
   */
  async runUntilIdle(maxSteps = 1_000_000): Promise<void> {
    await settle();
    for (let step = 0; this.timers.length > 0; step++) {
      if (step >= maxSteps) throw new Error(`VirtualClock.runUntilIdle: still busy after ${maxSteps} wake-ups`);
      this.wakeFirst();
      await settle();
    }
  }

  /**
   * In auto-advance mode, whenever a sleep is pending and the microtask queue has drained (one
   * macrotask turn later), time jumps to the earliest wake-up. That is right when everything the
   * code awaits is either a promise chain or a sleep on this clock; real I/O would see time jump
   * under it, so use auto-advance only with virtual transports.
   */
  setAutoAdvance(on: boolean): void {
    this.auto = on;
    this.scheduleJump();
  }

  private wakeFirst(): void {
    const timer = this.timers.shift()!;
    this.current = Math.max(this.current, timer.wakeAt);
    timer.wake();
  }

  private scheduleJump(): void {
    if (!this.auto || this.jumpScheduled || this.timers.length === 0) return;
    this.jumpScheduled = true;
    setImmediate(() => {
      this.jumpScheduled = false;
      if (!this.auto || this.timers.length === 0) return;
      this.wakeFirst();
      this.scheduleJump();
    });
  }
}
