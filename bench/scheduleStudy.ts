/**
 * Part 1 of the benchmark, in virtual time and seeded: calls per wait and detection delay of the
 * real waiter (shipped backoff) against the Terraform provider's and the AWS SDK's schedules, for
 * tasks of 5 s to 1 h, over a grid of (minPollInterval, maxPollInterval) pairs.
 */
import { DEFAULT_MAX_POLL_INTERVAL_MS, DEFAULT_MIN_POLL_INTERVAL_MS } from "../provider/gate/defaults";
import { runRealWaits } from "./realWaiter";
import { byBalance, judge, pairResult, prepareDuration, referenceSummary, type PairResult, type PreparedDuration } from "./trials";
import type { WaitSummary } from "./stats";

/** The task durations the goals are set at. */
export const STUDY_DURATIONS = [
  { label: "5 s", ms: 5_000 },
  { label: "1 min", ms: 60_000 },
  { label: "10 min", ms: 600_000 },
  { label: "1 h", ms: 3_600_000 },
] as const;

/** The candidate bounds, in ms. */
export const GRID_MIN_MS = [500, 1_000, 1_500, 2_000] as const;
export const GRID_MAX_MS = [10_000, 15_000, 20_000, 30_000, 60_000] as const;

export interface ReferenceRow {
  label: string;
  durationMs: number;
  terraform: WaitSummary;
  aws: WaitSummary;
}

export interface ScheduleStudyResult {
  seed: number;
  trialsPerDuration: number;
  defaults: { minMs: number; maxMs: number };
  references: ReferenceRow[];
  /** The shipped defaults, measured with the real waiter. */
  shipped: PairResult;
  /** Every grid pair, measured with the real waiter. */
  grid: PairResult[];
  /** The grid pair meeting both goals with the best balance, if any does. */
  best?: PairResult;
  /** Virtual polls made by the real waiter in this study. */
  virtualPolls: number;
  elapsedMs: number;
}

export function prepareStudy(seed: number, trials: number): PreparedDuration[] {
  return STUDY_DURATIONS.map((d) => prepareDuration(seed, d.label, d.ms, trials));
}

async function measureRealPair(prepared: readonly PreparedDuration[], minMs: number, maxMs: number): Promise<{ pair: PairResult; polls: number }> {
  const perDuration = [];
  let polls = 0;
  for (const d of prepared) {
    const samples = await runRealWaits(d, minMs, maxMs);
    polls += samples.reduce((sum, s) => sum + s.calls, 0);
    perDuration.push(judge(d, samples));
  }
  return { pair: pairResult(minMs, maxMs, perDuration), polls };
}

export async function runScheduleStudy(options: { seed: number; trials: number; log?: (line: string) => void }): Promise<ScheduleStudyResult> {
  const started = performance.now();
  const prepared = prepareStudy(options.seed, options.trials);
  const pairs: Array<[number, number]> = [];
  for (const minMs of GRID_MIN_MS) for (const maxMs of GRID_MAX_MS) pairs.push([minMs, maxMs]);
  const isDefault = ([a, b]: [number, number]) => a === DEFAULT_MIN_POLL_INTERVAL_MS && b === DEFAULT_MAX_POLL_INTERVAL_MS;
  // The shipped defaults are always measured, even when someone moves them off the grid.
  if (!pairs.some(isDefault)) pairs.unshift([DEFAULT_MIN_POLL_INTERVAL_MS, DEFAULT_MAX_POLL_INTERVAL_MS]);
  const grid: PairResult[] = [];
  let virtualPolls = 0;
  for (const [minMs, maxMs] of pairs) {
    const { pair, polls } = await measureRealPair(prepared, minMs, maxMs);
    grid.push(pair);
    virtualPolls += polls;
    options.log?.(`schedule study: ${grid.length}/${pairs.length} pairs with the real waiter`);
  }
  return {
    seed: options.seed,
    trialsPerDuration: options.trials,
    defaults: { minMs: DEFAULT_MIN_POLL_INTERVAL_MS, maxMs: DEFAULT_MAX_POLL_INTERVAL_MS },
    references: prepared.map(referenceSummary),
    shipped: grid.find((p) => isDefault([p.minMs, p.maxMs]))!,
    grid,
    best: grid.filter((p) => p.meetsBoth).sort(byBalance)[0],
    virtualPolls,
    elapsedMs: performance.now() - started,
  };
}
