import { BACKOFF_GROWTH, FINAL_POLL_MARGIN_MS, nextPollDelay, pollDelay } from "../../provider/waiter";

describe("pollDelay", () => {
  it("is exactly minMs after the first poll, whatever the random number", () => {
    expect(pollDelay(1, 2000, 120_000, 0)).toBe(2000);
    expect(pollDelay(1, 2000, 120_000, 0.999999)).toBe(2000);
  });

  it("grows the upper bound by BACKOFF_GROWTH per attempt until maxMs (random near 1 hits the bound)", () => {
    expect(BACKOFF_GROWTH).toBe(1.75);
    const uppers = [1, 2, 3, 4, 5, 6, 7].map((attempt) => pollDelay(attempt, 1000, 30_000, 0.9999999));
    // 1000 · 1.75^(n-1), floored to whole ms: 1750, 3062.5, 5359.4, 9378.9, 16413.1, 28722.9, then the cap
    expect(uppers).toEqual([1000, 1750, 3062, 5359, 9378, 16_413, 28_722]);
    expect(pollDelay(8, 1000, 30_000, 0.9999999)).toBe(30_000);
  });

  it("stays at minMs for random 0 and draws uniformly over whole milliseconds in between", () => {
    expect(pollDelay(5, 1000, 30_000, 0)).toBe(1000);
    // attempt 3: [1000, 3062], 2063 integers; 0.5 * 2063 = 1031.5 -> 1031
    expect(pollDelay(3, 1000, 30_000, 0.5)).toBe(2031);
    // attempt 2: [1000, 1750], 751 integers; 0.25 * 751 = 187.75 -> 187
    expect(pollDelay(2, 1000, 30_000, 0.25)).toBe(1187);
  });

  it("never leaves [minMs, min(maxMs, minMs*growth^(n-1))] over many random draws", () => {
    let seed = 42;
    const lcg = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const outOfBounds: string[] = [];
    for (let attempt = 1; attempt <= 40; attempt++) {
      const cap = Math.min(10_000, 500 * BACKOFF_GROWTH ** (attempt - 1));
      for (let i = 0; i < 500; i++) {
        const d = pollDelay(attempt, 500, 10_000, lcg());
        if (d < 500 || d > cap || !Number.isInteger(d)) outOfBounds.push(`attempt ${attempt}: ${d}`);
      }
    }
    expect(outOfBounds).toEqual([]);
  });

  it("reaches every whole millisecond of the range, both ends included", () => {
    let seed = 1;
    const lcg = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const seen = new Set<number>();
    // attempt 2 with min 20: [20, 35]
    for (let i = 0; i < 500; i++) seen.add(pollDelay(2, 20, 10_000, lcg()));
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => 20 + i));
  });

  it("does not overflow for huge attempts", () => {
    for (const attempt of [1024, 1025, 10_000, Number.MAX_SAFE_INTEGER]) {
      expect(pollDelay(attempt, 3, 120_000, 0.9999999)).toBe(120_000);
      expect(pollDelay(attempt, 3, 120_000, 0)).toBe(3);
    }
  });

  it("keeps a random source that returns 1 inside the bound", () => {
    expect(pollDelay(2, 1000, 30_000, 1)).toBe(1750);
  });

  it("handles minMs === maxMs", () => {
    expect(pollDelay(9, 700, 700, 0.7)).toBe(700);
  });

  it.each([
    [0, 1000, 2000, 0.5],
    [1.5, 1000, 2000, 0.5],
    [1, 0, 2000, 0.5],
    [1, 3000, 2000, 0.5],
    [1, 1000, Infinity, 0.5],
    [1, 1000, 2000, -0.1],
    [1, 1000, 2000, NaN],
  ])("rejects invalid arguments (%p, %p, %p, %p)", (attempt, min, max, random) => {
    expect(() => pollDelay(attempt, min, max, random)).toThrow(RangeError);
  });
});

describe("nextPollDelay", () => {
  const base = { minMs: 1000, maxMs: 8000, random: 0.9999999 };

  it("uses the backoff delay when it wakes well before the deadline", () => {
    expect(nextPollDelay({ ...base, attempt: 3, remainingMs: 60_000 })).toBe(3062);
  });

  it("cuts the delay so that the final poll comes FINAL_POLL_MARGIN_MS before the deadline", () => {
    expect(FINAL_POLL_MARGIN_MS).toBe(50);
    expect(nextPollDelay({ ...base, attempt: 3, remainingMs: 3000 })).toBe(2950);
    // waking exactly at deadline - margin is the final poll too
    expect(nextPollDelay({ ...base, attempt: 3, remainingMs: 3112 })).toBe(3062);
    // a short backoff delay is left alone even near the deadline
    expect(nextPollDelay({ ...base, attempt: 1, remainingMs: 1100 })).toBe(1000);
  });

  it("answers undefined once the final-poll window is reached or the deadline has passed", () => {
    expect(nextPollDelay({ ...base, attempt: 4, remainingMs: 50 })).toBeUndefined();
    expect(nextPollDelay({ ...base, attempt: 4, remainingMs: 10 })).toBeUndefined();
    expect(nextPollDelay({ ...base, attempt: 4, remainingMs: -5 })).toBeUndefined();
    expect(nextPollDelay({ ...base, attempt: 4, remainingMs: 51 })).toBe(1);
  });

  it("honours a custom margin", () => {
    expect(nextPollDelay({ ...base, attempt: 5, remainingMs: 5000, finalPollMarginMs: 500 })).toBe(4500);
    expect(nextPollDelay({ ...base, attempt: 5, remainingMs: 5000, finalPollMarginMs: 0 })).toBe(5000);
  });
});
