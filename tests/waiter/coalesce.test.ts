import { PollCoalescer, VirtualClock, coalesce, sharedPollCoalescer } from "../../provider/waiter";

/** A run whose promise the test settles by hand, recording the signal it was given. */
function manualRun<T>() {
  const calls: AbortSignal[] = [];
  let settle: { resolve(v: T): void; reject(e: unknown): void } | undefined;
  const run = jest.fn((signal: AbortSignal) => {
    calls.push(signal);
    return new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  });
  return { run, calls, resolve: (v: T) => settle!.resolve(v), reject: (e: unknown) => settle!.reject(e) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("PollCoalescer", () => {
  it("shares one call among concurrent callers with the same key", async () => {
    const coalescer = new PollCoalescer();
    const m = manualRun<number>();
    const a = coalescer.run("k", m.run);
    const b = coalescer.run("k", m.run);
    await tick();
    expect(m.run).toHaveBeenCalledTimes(1);
    expect(coalescer.inFlight).toBe(1);
    m.resolve(42);
    await expect(Promise.all([a, b])).resolves.toEqual([42, 42]);
    expect(coalescer.inFlight).toBe(0);
  });

  it("does not share between different keys", async () => {
    const coalescer = new PollCoalescer();
    const run = jest.fn(async () => "x");
    await Promise.all([coalescer.run("k1", run), coalescer.run("k2", run)]);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("keeps no result: a call after the previous one settled starts anew", async () => {
    const coalescer = new PollCoalescer();
    let n = 0;
    const run = jest.fn(async () => ++n);
    expect(await coalescer.run("k", run)).toBe(1);
    expect(await coalescer.run("k", run)).toBe(2);
  });

  it("shares a failure too, and the next call tries again", async () => {
    const coalescer = new PollCoalescer();
    const m = manualRun<number>();
    const a = coalescer.run("k", m.run);
    const b = coalescer.run("k", m.run);
    await tick();
    const error = new Error("503");
    m.reject(error);
    await expect(a).rejects.toBe(error);
    await expect(b).rejects.toBe(error);
    const again = jest.fn(async () => 7);
    expect(await coalescer.run("k", again)).toBe(7);
  });

  it("lets one caller leave on abort while the others still get the result", async () => {
    const coalescer = new PollCoalescer();
    const m = manualRun<string>();
    const leaving = new AbortController();
    const a = coalescer.run("k", m.run, leaving.signal);
    const b = coalescer.run("k", m.run, new AbortController().signal);
    await tick();
    leaving.abort();
    await expect(a).rejects.toMatchObject({ name: "AbortError" });
    expect(m.calls[0].aborted).toBe(false);
    m.resolve("done");
    await expect(b).resolves.toBe("done");
  });

  it("cancels the shared call when every caller has left, and starts afresh for a newcomer", async () => {
    const coalescer = new PollCoalescer();
    const m = manualRun<string>();
    const c1 = new AbortController();
    const c2 = new AbortController();
    const a = coalescer.run("k", m.run, c1.signal);
    const b = coalescer.run("k", m.run, c2.signal);
    await tick();
    c1.abort();
    expect(m.calls[0].aborted).toBe(false);
    c2.abort();
    expect(m.calls[0].aborted).toBe(true);
    await expect(a).rejects.toMatchObject({ name: "AbortError" });
    await expect(b).rejects.toMatchObject({ name: "AbortError" });
    expect(coalescer.inFlight).toBe(0);
    const fresh = jest.fn(async () => "new");
    expect(await coalescer.run("k", fresh)).toBe("new");
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it("never cancels a call that a caller without a signal is waiting for", async () => {
    const coalescer = new PollCoalescer();
    const m = manualRun<string>();
    const controller = new AbortController();
    const a = coalescer.run("k", m.run);
    const b = coalescer.run("k", m.run, controller.signal);
    await tick();
    controller.abort();
    await expect(b).rejects.toMatchObject({ name: "AbortError" });
    expect(m.calls[0].aborted).toBe(false);
    m.resolve("kept");
    await expect(a).resolves.toBe("kept");
  });

  it("rejects an already aborted caller without starting a call", async () => {
    const coalescer = new PollCoalescer();
    const run = jest.fn(async () => 1);
    await expect(coalescer.run("k", run, AbortSignal.abort())).rejects.toMatchObject({ name: "AbortError" });
    expect(run).not.toHaveBeenCalled();
  });

  it("turns a synchronous throw into a rejection", async () => {
    const coalescer = new PollCoalescer();
    const boom = new Error("sync");
    await expect(
      coalescer.run("k", () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(coalescer.inFlight).toBe(0);
  });

  it("works in virtual time: overlapping calls share, later ones do not", async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const coalescer = new PollCoalescer();
    const run = jest.fn(async () => {
      await clock.sleep(100);
      return clock.now();
    });
    const first = coalescer.run("k", run);
    const joined = clock.sleep(50).then(() => coalescer.run("k", run));
    const later = clock.sleep(150).then(() => coalescer.run("k", run));
    expect(await Promise.all([first, joined, later])).toEqual([100, 100, 250]);
    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe("coalesce (process-wide)", () => {
  it("uses one shared coalescer", async () => {
    expect(sharedPollCoalescer()).toBe(sharedPollCoalescer());
    const m = manualRun<number>();
    const a = coalesce("shared-key", m.run);
    const b = sharedPollCoalescer().run("shared-key", m.run);
    await tick();
    m.resolve(5);
    expect(await Promise.all([a, b])).toEqual([5, 5]);
    expect(m.run).toHaveBeenCalledTimes(1);
  });
});

describe("reuse of recent answers", () => {
  test("a caller accepts an answer no older than its maxAgeMs, and calls again once it is older", async () => {
    let now = 0;
    const coalescer = new PollCoalescer(() => now);
    let calls = 0;
    const run = async () => ++calls;
    expect(await coalescer.run("k", run, undefined, 1000)).toBe(1);
    now = 1000;
    expect(await coalescer.run("k", run, undefined, 1000)).toBe(1);
    now = 1001;
    expect(await coalescer.run("k", run, undefined, 1000)).toBe(2);
    expect(calls).toBe(2);
  });

  test("without maxAgeMs nothing is reused, and errors are never reused", async () => {
    let now = 0;
    const coalescer = new PollCoalescer(() => now);
    let calls = 0;
    await coalescer.run("k", async () => ++calls);
    await coalescer.run("k", async () => ++calls);
    expect(calls).toBe(2);
    await expect(coalescer.run("e", async () => Promise.reject(new Error("boom")), undefined, 1000)).rejects.toThrow("boom");
    now = 1;
    expect(await coalescer.run("e", async () => "fresh", undefined, 1000)).toBe("fresh");
  });

  test("answers are kept per key", async () => {
    const coalescer = new PollCoalescer(() => 0);
    await coalescer.run("a", async () => "A", undefined, 1000);
    expect(await coalescer.run("b", async () => "B", undefined, 1000)).toBe("B");
  });
});

describe("answer age on the caller's clock", () => {
  it("ages an answer on the clock of the wait that asks, so a wait on an injected clock is never handed its own last answer", async () => {
    // Real time stands still here: only the wait's own clock moves between its polls.
    const coalescer = new PollCoalescer(() => 1_000);
    let virtual = 0;
    const now = () => virtual;
    let calls = 0;
    const poll = () => coalescer.run("task", async () => ++calls, undefined, 50, now);
    expect(await poll()).toBe(1);
    virtual += 60; // the wait slept 60 ms of its clock, more than its 50 ms minimum interval
    expect(await poll()).toBe(2);
    virtual += 10; // a second caller on the same clock within 50 ms shares the answer
    expect(await poll()).toBe(2);
    expect(calls).toBe(2);
  });
});
