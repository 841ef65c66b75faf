import {
  DEFAULT_RATE_PER_SECOND,
  RateLimiter,
  VirtualClock,
  configureSharedRateLimiter,
  sharedRateLimiter,
  type Clock,
} from "../../provider/waiter";

/** Asks for permits named `names` at once and records when each is granted. */
function acquireAll(limiter: RateLimiter, clock: Clock, names: string[], log: string[]) {
  return Promise.all(names.map((name) => limiter.acquire().then(() => log.push(`${name}@${clock.now()}`))));
}

describe("RateLimiter", () => {
  it("grants permits evenly spaced, in the order asked", async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const limiter = new RateLimiter({ ratePerSecond: 10, clock });
    const log: string[] = [];
    await acquireAll(limiter, clock, ["a", "b", "c", "d", "e"], log);
    expect(log).toEqual(["a@0", "b@100", "c@200", "d@300", "e@400"]);
  });

  it("never lets a one-second window hold more than the rate (+1 on a closed window)", async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const limiter = new RateLimiter({ ratePerSecond: 4, clock });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 20 }, () => limiter.acquire().then(() => times.push(clock.now()))));
    const inWindow = (t: number, closed: boolean) => times.filter((u) => u >= t && (closed ? u <= t + 1000 : u < t + 1000)).length;
    expect(Math.max(...times.map((t) => inWindow(t, false)))).toBe(4);
    expect(Math.max(...times.map((t) => inWindow(t, true)))).toBe(5);
    expect(times[19]).toBe(19 * 250);
  });

  it("grants at once, without sleeping, when the last permit is old enough", async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, clock });
    await limiter.acquire();
    await clock.advance(5000);
    let granted = false;
    void limiter.acquire().then(() => (granted = true));
    await new Promise((r) => setImmediate(r));
    expect(granted).toBe(true);
    expect(clock.sleepCalls).toEqual([]);
  });

  it("makes an immediate second caller wait one interval", async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ ratePerSecond: 5, clock });
    await limiter.acquire();
    let granted = false;
    void limiter.acquire().then(() => (granted = true));
    await clock.advance(199);
    expect(granted).toBe(false);
    expect(limiter.queued).toBe(1);
    await clock.advance(1);
    expect(granted).toBe(true);
    expect(limiter.queued).toBe(0);
  });

  it("removes an aborted caller from the queue; those behind it move up", async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, clock });
    const log: string[] = [];
    const controller = new AbortController();
    const a = limiter.acquire().then(() => log.push(`a@${clock.now()}`));
    const b = limiter.acquire(controller.signal).then(() => log.push(`b@${clock.now()}`));
    const c = limiter.acquire().then(() => log.push(`c@${clock.now()}`));
    await clock.advance(50);
    expect(limiter.queued).toBe(2);
    controller.abort();
    await expect(b).rejects.toMatchObject({ name: "AbortError" });
    expect(limiter.queued).toBe(1);
    await clock.advance(1000);
    await Promise.all([a, c]);
    expect(log).toEqual(["a@0", "c@100"]);
  });

  it("stops sleeping when the last queued caller aborts", async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ ratePerSecond: 1, clock });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    await new Promise((r) => setImmediate(r));
    expect(clock.pendingTimers).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((r) => setImmediate(r));
    expect(clock.pendingTimers).toBe(0);
  });

  it("rejects an already aborted caller without using a permit", async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, clock });
    const reason = new Error("gone");
    await expect(limiter.acquire(AbortSignal.abort(reason))).rejects.toBe(reason);
    await limiter.acquire(); // still immediate: nothing was granted before
    expect(clock.sleepCalls).toEqual([]);
  });

  it("applies a higher rate to callers already waiting", async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ ratePerSecond: 1, clock });
    const log: string[] = [];
    const all = acquireAll(limiter, clock, ["a", "b", "c"], log);
    await clock.advance(100);
    limiter.setRate(10);
    expect(limiter.ratePerSecond).toBe(10);
    await clock.advance(1000);
    await all;
    expect(log).toEqual(["a@0", "b@100", "c@200"]);
  });

  it("applies a lower rate to callers already waiting", async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, clock });
    const log: string[] = [];
    const all = acquireAll(limiter, clock, ["a", "b"], log);
    await clock.advance(0);
    limiter.setRate(2);
    await clock.advance(1000);
    await all;
    expect(log).toEqual(["a@0", "b@500"]);
  });

  it("keeps the spacing when timers fire late (no catch-up burst)", async () => {
    const virtual = new VirtualClock({ autoAdvance: true });
    const lateClock: Clock = { now: () => virtual.now(), sleep: (ms, signal) => virtual.sleep(ms + 30, signal) };
    const limiter = new RateLimiter({ ratePerSecond: 10, clock: lateClock });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 6 }, () => limiter.acquire().then(() => times.push(virtual.now()))));
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    expect(gaps).toEqual([130, 130, 130, 130, 130]);
  });

  it("accepts Infinity as no limit and rejects rates that are not positive", async () => {
    const clock = new VirtualClock();
    const unlimited = new RateLimiter({ ratePerSecond: Infinity, clock });
    await Promise.all([unlimited.acquire(), unlimited.acquire(), unlimited.acquire()]);
    expect(clock.now()).toBe(0);
    for (const rate of [0, -1, NaN]) {
      expect(() => new RateLimiter({ ratePerSecond: rate, clock })).toThrow(RangeError);
      expect(() => unlimited.setRate(rate)).toThrow(RangeError);
    }
  });
});

describe("sharedRateLimiter", () => {
  it("is one lazily created instance per process, at the default rate, reconfigurable in place", () => {
    const shared = sharedRateLimiter();
    expect(sharedRateLimiter()).toBe(shared);
    expect(shared.ratePerSecond).toBe(DEFAULT_RATE_PER_SECOND);
    expect(DEFAULT_RATE_PER_SECOND).toBe(20);
    configureSharedRateLimiter(4);
    expect(sharedRateLimiter()).toBe(shared);
    expect(shared.ratePerSecond).toBe(4);
  });
});
