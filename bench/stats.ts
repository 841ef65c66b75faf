/** Summary statistics for the benchmark tables. */

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The p-th percentile (0..100), nearest-rank on a sorted copy: always a value that occurred. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Mean calls per wait and detection delay (mean, p95) of a set of simulated waits. */
export interface WaitSummary {
  calls: number;
  delayMeanMs: number;
  delayP95Ms: number;
}

/** One simulated wait: how many polls it made and how late it saw the task end. */
export interface WaitSample {
  calls: number;
  delayMs: number;
}

export function summarize(samples: readonly WaitSample[]): WaitSummary {
  const delays = samples.map((s) => s.delayMs);
  return { calls: mean(samples.map((s) => s.calls)), delayMeanMs: mean(delays), delayP95Ms: percentile(delays, 95) };
}

/** Ours minus a reference, paired trial by trial (the same task in both). */
export interface PairedComparison {
  /** Mean of (ours − reference). */
  meanDiff: number;
  /** Standard error of that mean. */
  se: number;
  /** Ours lower by more than two standard errors: a real difference, not a fluke of the seed. */
  met: boolean;
}

export function comparePaired(ours: readonly number[], reference: readonly number[]): PairedComparison {
  const diffs = ours.map((value, i) => value - reference[i]);
  const meanDiff = mean(diffs);
  const variance = diffs.reduce((sum, d) => sum + (d - meanDiff) ** 2, 0) / Math.max(1, diffs.length - 1);
  const se = Math.sqrt(variance / diffs.length);
  return { meanDiff, se, met: meanDiff + 2 * se < 0 };
}
