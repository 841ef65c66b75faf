/**
 * A seeded random source, so every number in the schedule study is reproducible: the same seed
 * gives the same task durations and the same jitter on every machine and every run.
 */

/** mulberry32: a tiny 32-bit PRNG, uniform in [0, 1). Plenty for jitter and task durations. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An independent stream for one (purpose, trial) pair: mixing the parts into the seed means
 * changing how many numbers one schedule draws cannot shift the numbers another one sees.
 */
export function stream(seed: number, ...parts: number[]): () => number {
  return mulberry32(streamSeed(seed, ...parts));
}

/** The seed of {@link stream}(seed, ...parts), for callers that start the stream later (or again). */
export function streamSeed(seed: number, ...parts: number[]): number {
  let h = seed >>> 0;
  for (const part of parts) h = Math.imul(h ^ (part >>> 0), 0x9e3779b1) ^ (h >>> 16);
  return h >>> 0;
}

/** Uniform in [low, high). */
export function uniform(random: () => number, low: number, high: number): number {
  return low + random() * (high - low);
}

/** A seeded Fisher–Yates shuffle of 0..n-1. */
export function permutation(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
