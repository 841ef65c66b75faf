import { VirtualClock, sleep, systemClock } from "../../provider/waiter";

describe("systemClock", () => {
  it("sleeps for real: one timer of the requested time", async () => {
    const timers = jest.spyOn(global, "setTimeout");
    const start = systemClock.now();
    await systemClock.sleep(5);
    // Node starts a timer from libuv's cached loop time, which can lag the real time by the
    // loop's current turn: elapsed time as performance.now measures it can fall short of 5 ms
    // on a loaded machine, so the timer's own duration is what is asserted.
    expect(timers).toHaveBeenCalledWith(expect.any(Function), 5);
    expect(systemClock.now() - start).toBeGreaterThan(0);
    timers.mockRestore();
  });

  it("rejects with an AbortError as soon as the signal aborts, and clears its timer", async () => {
    const controller = new AbortController();
    const clearSpy = jest.spyOn(global, "clearTimeout");
    const start = systemClock.now();
    const sleeping = sleep(60_000, controller.signal);
    setTimeout(() => controller.abort(), 2);
    await expect(sleeping).rejects.toMatchObject({ name: "AbortError" });
    expect(systemClock.now() - start).toBeLessThan(1000);
    expect(clearSpy).toHaveBeenCalled();
    clearSpy.mockRestore();
  });

  it("rejects at once when the signal is already aborted", async () => {
    const reason = new Error("stop");
    await expect(sleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it("keeps the process alive while sleeping (the timer is not unref'd)", async () => {
    const setSpy = jest.spyOn(global, "setTimeout");
    const sleeping = sleep(1);
    const timer = setSpy.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(true);
    setSpy.mockRestore();
    await sleeping;
  });

  it("chains timers for sleeps longer than setTimeout allows (which would fire at once)", async () => {
    jest.useFakeTimers();
    try {
      let woke = false;
      const setSpy = jest.spyOn(global, "setTimeout");
      void sleep(2 ** 31 + 10).then(() => (woke = true));
      expect(setSpy.mock.calls[0][1]).toBe(2 ** 31 - 1);
      await jest.advanceTimersByTimeAsync(2 ** 31 - 1);
      expect(woke).toBe(false);
      expect(setSpy.mock.calls[1][1]).toBe(11);
      await jest.advanceTimersByTimeAsync(11);
      expect(woke).toBe(true);
      setSpy.mockRestore();
    } finally {
      jest.useRealTimers();
    }
  });

  it("is monotonic and near the wall clock", () => {
    const a = systemClock.now();
    const b = systemClock.now();
    expect(b).toBeGreaterThanOrEqual(a);
    expect(Math.abs(a - Date.now())).toBeLessThan(5000);
  });
});

describe("VirtualClock", () => {
  it("starts at startMs and moves only when advanced", async () => {
    const clock = new VirtualClock({ startMs: 1000 });
    let woke = false;
    void clock.sleep(500).then(() => (woke = true));
    await new Promise((r) => setImmediate(r));
    expect(clock.now()).toBe(1000);
    expect(woke).toBe(false);
    await clock.advance(499);
    expect(woke).toBe(false);
    expect(clock.now()).toBe(1499);
    await clock.advance(1);
    expect(woke).toBe(true);
    expect(clock.now()).toBe(1500);
  });

  it("wakes sleeps in time order (ties in call order) and shows each its own wake-up time", async () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    const nap = (name: string, ms: number) => clock.sleep(ms).then(() => log.push(`${name}@${clock.now()}`));
    void nap("c", 30);
    void nap("a", 10);
    void nap("b", 10);
    await clock.advance(100);
    expect(log).toEqual(["a@10", "b@10", "c@30"]);
    expect(clock.now()).toBe(100);
  });

  it("lets a woken continuation set a new sleep that wakes within the same advance", async () => {
    const clock = new VirtualClock();
    const times: number[] = [];
    void (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(10);
        times.push(clock.now());
      }
    })();
    await clock.advance(25);
    expect(times).toEqual([10, 20]);
    await clock.runUntilIdle();
    expect(times).toEqual([10, 20, 30]);
    expect(clock.pendingTimers).toBe(0);
  });

  it("removes an aborted sleep and rejects it with the abort reason", async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    expect(clock.pendingTimers).toBe(1);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: "AbortError" });
    expect(clock.pendingTimers).toBe(0);
    expect(clock.nextWakeAt()).toBeUndefined();
  });

  it("records every requested sleep duration", async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    await clock.sleep(3);
    await clock.sleep(30);
    expect(clock.sleepCalls).toEqual([3, 30]);
    expect(clock.now()).toBe(33);
  });

  it("can skip recording sleeps (long benchmarks)", async () => {
    const clock = new VirtualClock({ autoAdvance: true, recordSleeps: false });
    await clock.sleep(3);
    expect(clock.sleepCalls).toEqual([]);
    expect(clock.now()).toBe(3);
  });

  it("auto-advance runs an hour of sleeps instantly and deterministically", async () => {
    const run = async () => {
      const clock = new VirtualClock({ autoAdvance: true });
      const wakes: number[] = [];
      const sleeper = async (period: number) => {
        while (clock.now() + period <= 3_600_000) {
          await clock.sleep(period);
          wakes.push(clock.now());
        }
      };
      await Promise.all([sleeper(7_000), sleeper(11_000)]);
      return { wakes, now: clock.now() };
    };
    const started = Date.now();
    const first = await run();
    const second = await run();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(first).toEqual(second);
    expect(first.wakes).toHaveLength(Math.floor(3_600_000 / 7000) + Math.floor(3_600_000 / 11_000));
    expect(first.now).toBe(Math.floor(3_600_000 / 7000) * 7000);
  });

  it("auto-advance does not move time while a continuation is still running", async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const order: string[] = [];
    const long = clock.sleep(1000).then(() => order.push(`long@${clock.now()}`));
    // A chain of plain promises finishing before any jump: the clock must wait for it.
    let p = Promise.resolve();
    for (let i = 0; i < 100; i++) p = p.then(() => undefined);
    await p.then(() => order.push(`chain@${clock.now()}`));
    await long;
    expect(order).toEqual(["chain@0", "long@1000"]);
  });

  it("can be switched to auto-advance later", async () => {
    const clock = new VirtualClock();
    const sleeping = clock.sleep(5000);
    await new Promise((r) => setImmediate(r));
    expect(clock.now()).toBe(0);
    clock.setAutoAdvance(true);
    await sleeping;
    expect(clock.now()).toBe(5000);
  });

  it("runUntilIdle stops a sleeper that never ends", async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    void (async () => {
      while (!controller.signal.aborted) await clock.sleep(1, controller.signal).catch(() => undefined);
    })();
    await expect(clock.runUntilIdle(50)).rejects.toThrow(/still busy after 50/);
    controller.abort();
  });
});
