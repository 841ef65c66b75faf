import { TaskStatus } from "../../provider/api/status";
import { VirtualClock, waitForTask, type WaitOptions, type WaitProgress } from "../../provider/waiter";
import { REQUEST_ID, apiError, randomSequence, pollDelays, scriptedQuery, setupWait } from "./helpers";

const { Waiting, Executing, Succeeded, Failed, Error: ExecutionError } = TaskStatus;

const setup = setupWait;

describe("waitForTask: schedule", () => {
  it("polls at once, then after exactly the backoff delays, until the task succeeds", async () => {
    const { clock, script, options } = setup([Waiting, Executing, Executing, Succeeded]);
    const result = await waitForTask(options);
    // random 0.5: attempt 1 -> 1000; attempt 2 in [1000,2000] -> 1500; attempt 3 in [1000,4000] -> 2500
    expect(pollDelays(clock, options.timeoutMs)).toEqual([1000, 1500, 2500]);
    expect(script.callTimes).toEqual([0, 1000, 2500, 5000]);
    expect(result).toEqual({ state: "succeeded", record: expect.objectContaining({ status: Succeeded }), polls: 4, waitedMs: 5000 });
  });

  it("draws a new random number for every delay", async () => {
    const { clock, options } = setup([Waiting, Waiting, Waiting, Succeeded], { random: randomSequence(0.9, 0, 0.9999999) });
    await waitForTask(options);
    expect(pollDelays(clock, options.timeoutMs)).toEqual([1000, 1000, 4000]);
  });

  it("makes one final poll FINAL_POLL_MARGIN_MS before the deadline, then times out", async () => {
    const { clock, script, options } = setup([Executing], { timeoutMs: 10_000, maxPollIntervalMs: 4000, random: () => 0.9999999 });
    const result = await waitForTask(options);
    expect(pollDelays(clock, options.timeoutMs)).toEqual([1000, 2000, 4000, 2950]);
    expect(script.callTimes).toEqual([0, 1000, 3000, 7000, 9950]);
    expect(result).toEqual({ state: "timedOut", record: expect.objectContaining({ status: Executing }), polls: 5, waitedMs: 9950 });
    expect(result.error).toBeUndefined();
  });

  it("reports success seen by the final poll", async () => {
    const { options } = setup([Executing, Executing, Executing, Executing, Succeeded], {
      timeoutMs: 10_000,
      maxPollIntervalMs: 4000,
      random: () => 0.9999999,
    });
    expect(await waitForTask(options)).toMatchObject({ state: "succeeded", polls: 5, waitedMs: 9950 });
  });

  it("counts the query's latency in the wait and sleeps after the answer", async () => {
    const { script, options } = setup([Waiting, Succeeded], {}, 200);
    const result = await waitForTask(options);
    expect(script.callTimes).toEqual([0, 1200]);
    expect(result).toMatchObject({ state: "succeeded", polls: 2, waitedMs: 1400 });
  });

  it("makes a single poll when the timeout is shorter than the final-poll margin", async () => {
    const { script, options } = setup([Executing], { timeoutMs: 30 });
    expect(await waitForTask(options)).toMatchObject({ state: "timedOut", polls: 1, waitedMs: 0 });
    expect(script.callTimes).toEqual([0]);
  });

  it("runs a one-hour wait instantly, with the same schedule every time", async () => {
    const run = async () => {
      let seed = 7;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const { script, options } = setup([Executing], { timeoutMs: 3_600_000, minPollIntervalMs: 2000, maxPollIntervalMs: 120_000, random });
      return { result: await waitForTask(options), callTimes: script.callTimes };
    };
    const started = Date.now();
    const first = await run();
    const second = await run();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(second).toEqual(first);
    expect(first.result).toMatchObject({ state: "timedOut", waitedMs: 3_599_950 });
    expect(first.callTimes[first.callTimes.length - 1]).toBe(3_599_950);
    const gaps = first.callTimes.slice(1).map((t, i) => t - first.callTimes[i]);
    expect(Math.min(...gaps.slice(0, -1))).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(120_000);
    expect(first.result.polls).toBe(first.callTimes.length);
  });

  it("uses the system clock and Math.random by default", async () => {
    const { options } = setup([Waiting, Succeeded], { clock: undefined, random: undefined, minPollIntervalMs: 1, maxPollIntervalMs: 2 });
    const result = await waitForTask(options);
    expect(result).toMatchObject({ state: "succeeded", polls: 2 });
    // A real 1–2 ms sleep: libuv schedules timers on its whole-millisecond loop time, so one can
    // fire well under a millisecond later as performance.now measures it, but never at once.
    expect(result.waitedMs).toBeGreaterThan(0);
    expect(result.waitedMs).toBeLessThan(1000);
  });
});

describe("waitForTask: terminal statuses", () => {
  it.each([
    [Failed, "Failed"],
    [ExecutionError, "Error"],
  ])("ends as failed with the record on status %p", async (status, text) => {
    const { clock, options } = setup([Waiting, status]);
    const result = await waitForTask(options);
    expect(result).toEqual({ state: "failed", record: expect.objectContaining({ status, statusText: text }), polls: 2, waitedMs: 1000 });
    expect(pollDelays(clock, options.timeoutMs)).toEqual([1000]);
  });

  it("succeeds on the first poll without sleeping", async () => {
    const { clock, options } = setup([Succeeded]);
    expect(await waitForTask(options)).toMatchObject({ state: "succeeded", polls: 1, waitedMs: 0 });
    expect(pollDelays(clock, options.timeoutMs)).toEqual([]);
  });
});

describe("waitForTask: abort", () => {
  it("ends as aborted during a sleep, at once, leaving no timer behind", async () => {
    const clock = new VirtualClock();
    const script = scriptedQuery(clock, [Executing]);
    const controller = new AbortController();
    const waiting = waitForTask({ ...setup([]).options, clock, query: script.query, signal: controller.signal });
    await clock.advance(400); // first poll at 0, then asleep for 1000
    expect(script.callTimes).toEqual([0]);
    controller.abort();
    const result = await waiting; // no time moves: it must settle on the abort alone
    expect(result).toEqual({ state: "aborted", record: expect.objectContaining({ status: Executing }), polls: 1, waitedMs: 400 });
    expect(clock.pendingTimers).toBe(0);
  });

  it("does not poll when the signal is already aborted", async () => {
    const { script, options } = setup([Executing], { signal: AbortSignal.abort() });
    expect(await waitForTask(options)).toEqual({ state: "aborted", record: undefined, polls: 0, waitedMs: 0 });
    expect(script.callTimes).toEqual([]);
  });

  it("ends promptly even when the query ignores its signal", async () => {
    const controller = new AbortController();
    const query = jest.fn(() => new Promise<never>(() => undefined));
    // A manual clock: with auto-advance, the deadline watch would end this wait first.
    const { options } = setup([], { query, signal: controller.signal, clock: new VirtualClock() });
    const waiting = waitForTask(options);
    await new Promise((r) => setImmediate(r));
    controller.abort();
    expect(await waiting).toMatchObject({ state: "aborted", polls: 1 });
  });

  it("passes its signal to the query and reports an aborted call as aborted, not as an error", async () => {
    const controller = new AbortController();
    const clock = new VirtualClock();
    const script = scriptedQuery(clock, [Executing], 500);
    const waiting = waitForTask({ ...setup([]).options, clock, query: script.query, signal: controller.signal });
    await clock.advance(100);
    const querySignal = script.signals[0]!;
    expect(querySignal.aborted).toBe(false);
    controller.abort();
    const result = await waiting;
    expect(querySignal.aborted).toBe(true);
    expect(result).toMatchObject({ state: "aborted", polls: 1, waitedMs: 100 });
    expect(result.error).toBeUndefined();
  });
});

describe("waitForTask: progress callbacks", () => {
  it("calls onStatusChange only when the status changes, and onPoll after every poll", async () => {
    const changes: WaitProgress[] = [];
    const polls: WaitProgress[] = [];
    const { options } = setup([Waiting, Waiting, Executing, Executing, Succeeded], {
      onStatusChange: (e) => changes.push(e),
      onPoll: (e) => polls.push(e),
      random: () => 0,
    });
    await waitForTask(options);
    expect(changes.map((e) => [e.previousStatus, e.record?.status, e.polls, e.waitedMs])).toEqual([
      [undefined, Waiting, 1, 0],
      [Waiting, Executing, 3, 2000],
      [Executing, Succeeded, 5, 4000],
    ]);
    expect(polls.map((e) => e.polls)).toEqual([1, 2, 3, 4, 5]);
    expect(polls.every((e) => e.requestId === REQUEST_ID && e.error === undefined)).toBe(true);
  });

  it("keeps the last record across a failed poll, so an unchanged status after it is no change", async () => {
    const changes: WaitProgress[] = [];
    const polls: WaitProgress[] = [];
    const flaky = apiError(6000, { retryable: true });
    const { options } = setup([Waiting, flaky, Waiting, Executing, Succeeded], {
      onStatusChange: (e) => changes.push(e),
      onPoll: (e) => polls.push(e),
    });
    await waitForTask(options);
    expect(changes.map((e) => e.polls)).toEqual([1, 4, 5]);
    expect(polls[1]).toMatchObject({ polls: 2, error: flaky, previousStatus: Waiting, record: { status: Waiting } });
  });

  it("is not disturbed by callbacks that throw", async () => {
    const { options } = setup([Waiting, Succeeded], {
      onStatusChange: () => {
        throw new Error("printer on fire");
      },
      onPoll: () => {
        throw new Error("logger on fire");
      },
    });
    expect(await waitForTask(options)).toMatchObject({ state: "succeeded", polls: 2 });
  });
});

describe("waitForTask: options", () => {
  it.each<[string, Partial<WaitOptions>]>([
    ["timeoutMs", { timeoutMs: 0 }],
    ["timeoutMs", { timeoutMs: NaN }],
    ["minPollIntervalMs", { minPollIntervalMs: -1 }],
    ["maxPollIntervalMs", { maxPollIntervalMs: Infinity }],
    ["maxPollIntervalMs", { minPollIntervalMs: 5000, maxPollIntervalMs: 1000 }],
    ["requestId", { requestId: NaN }],
  ])("rejects a wrong %s before polling", async (name, overrides) => {
    const { script, options } = setup([Succeeded], overrides);
    await expect(waitForTask(options)).rejects.toThrow(new RegExp(name));
    expect(script.callTimes).toEqual([]);
  });

  it("rejects a missing query", async () => {
    const { options } = setup([Succeeded], { query: undefined as never });
    await expect(waitForTask(options)).rejects.toThrow(TypeError);
  });
});

describe("waitForTask: the deadline bounds a call in flight", () => {
  it("abandons a call still unanswered DEADLINE_GRACE_MS after the deadline and times out, aborting its signal", async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const script = scriptedQuery(clock, [Executing, Executing], 0);
    let hungSignal: AbortSignal | undefined;
    const query = jest.fn(async (signal?: AbortSignal) => {
      if (query.mock.calls.length === 1) return script.query(signal);
      hungSignal = signal;
      return new Promise<never>(() => undefined); // the second call never answers
    });
    const result = await waitForTask({ ...setup([]).options, clock, query, timeoutMs: 5000 });
    expect(result).toMatchObject({ state: "timedOut", polls: 2, waitedMs: 5500, record: { status: Executing } });
    expect(hungSignal!.aborted).toBe(true);
  });
});

describe("waitForTask: default growth", () => {
  it("grows the delay ceiling by BACKOFF_GROWTH (1.75) per poll when no growth is given", async () => {
    const { clock, options } = setup([Waiting, Waiting, Waiting, Waiting, Succeeded], { random: () => 0.9999999 });
    delete options.backoffGrowth;
    await waitForTask(options);
    expect(pollDelays(clock, options.timeoutMs)).toEqual([1000, 1750, 3062, 5359]);
  });

  it("rejects a growth that would not grow", async () => {
    const { options } = setup([Succeeded], { backoffGrowth: 1 });
    await expect(waitForTask(options)).rejects.toThrow("backoffGrowth must be a number > 1");
  });
});
