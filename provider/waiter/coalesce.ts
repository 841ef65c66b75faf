/**
 * Single-flight: concurrent polls of the same task share one DescribeTaskInfo call, so waits on
 * the same (endpoint, region, requestId) cost the API one call per round, not one per wait.
 * Independent jittered schedules rarely poll at the same instant, so a caller may also accept a
 * recent answer (`maxAgeMs`): one no older than its own minimum poll interval is as good as a
 * poll of its own, since it would not have polled more often than that anyway.
 */
import { abortable, abortReason } from "./abort";

interface Flight {
  promise: Promise<unknown>;
  /** Aborted when every caller that could leave (had a signal) has left. */
  controller: AbortController;
  /** Callers still waiting for the result. */
  callers: number;
}

/** Answers kept for reuse are dropped after this long (the longest sensible poll interval). */
const RECENT_RETENTION_MS = 10 * 60_000;

/** Shares one in-flight promise among concurrent calls with the same key, and recent answers. */
export class PollCoalescer {
  private readonly flights = new Map<string, Flight>();
  private readonly recent = new Map<string, { value: unknown; at: number }>();

  /** @param now the time source for the age of recent answers; default `Date.now`. */
  constructor(private readonly now: () => number = Date.now) {}

  /** Keys with a call in flight. */
  get inFlight(): number {
    return this.flights.size;
  }

  /**
   * Joins the call in flight for `key`, or starts `run` when there is none. Results are not
   * kept: once the call settles, the next caller starts a new one.
   *
   * `signal` lets this caller leave early (its promise rejects with the abort reason) without
   * disturbing the others; the signal given to `run` aborts only when all callers have left.
   *
   * `now` is the caller's clock, which ages answers for it and stamps the answer of a call it
   * starts: a wait on an injected clock sleeps in that clock's time, so aged in real time its own
   * previous answer would look fresh and be handed back instead of a new poll.
   */
  run<T>(key: string, run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal, maxAgeMs = 0, now: () => number = this.now): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const recent = this.recent.get(key);
    if (recent && maxAgeMs > 0 && now() - recent.at <= maxAgeMs) return Promise.resolve(recent.value as T);
    let flight = this.flights.get(key);
    if (!flight) flight = this.start(key, run, now);
    flight.callers++;
    return this.follow(key, flight, signal) as Promise<T>;
  }

  private start(key: string, run: (signal: AbortSignal) => Promise<unknown>, now: () => number): Flight {
    const controller = new AbortController();
    const flight: Flight = { promise: Promise.resolve().then(() => run(controller.signal)), controller, callers: 0 };
    this.flights.set(key, flight);
    const land = () => this.forget(key, flight);
    flight.promise.then((value) => {
      this.remember(key, value, now());
      land();
    }, land);
    return flight;
  }

  private follow(key: string, flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
    if (!signal) return flight.promise;
    const leave = () => {
      if (--flight.callers === 0) {
        this.forget(key, flight); // a newcomer must not join a call that is being cancelled
        flight.controller.abort(abortReason(signal));
      }
    };
    signal.addEventListener("abort", leave, { once: true });
    const stayed = () => signal.removeEventListener("abort", leave);
    flight.promise.then(stayed, stayed);
    return abortable(flight.promise, signal);
  }

  /** Keeps a successful answer for reuse; errors are never reused, so a retry always asks again. */
  private remember(key: string, value: unknown, at: number): void {
    this.recent.set(key, { value, at });
    if (this.recent.size > 1000) {
      for (const [oldKey, entry] of this.recent) if (at - entry.at > RECENT_RETENTION_MS) this.recent.delete(oldKey);
    }
  }

  private forget(key: string, flight: Flight): void {
    if (this.flights.get(key) === flight) this.flights.delete(key);
  }
}

/** See the note on shared instances in rateLimiter.ts: one per process, across module copies. */
const SHARED_COALESCER = "__pulumiTencentcloudRedisTaskCoalescer";

/** The process-wide coalescer. */
export function sharedPollCoalescer(): PollCoalescer {
  const slot = globalThis as unknown as Record<string, PollCoalescer | undefined>;
  return (slot[SHARED_COALESCER] ??= new PollCoalescer());
}

/** {@link PollCoalescer.run} on the process-wide coalescer. */
export function coalesce<T>(key: string, run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal, maxAgeMs = 0): Promise<T> {
  return sharedPollCoalescer().run(key, run, signal, maxAgeMs);
}
