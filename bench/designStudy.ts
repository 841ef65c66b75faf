/**
 * Part 1b: what to change when no (min, max) pair of the shipped backoff meets both goals
 * robustly. Tries other growth factors with the backoff model (checked against the real waiter
 * first), then checks the best candidates on a sweep of 24 task durations from 2 s to 1 h, so
 * a recommendation cannot rest on where the polls happen to fall in four narrow windows.
 */
import { DEFAULT_MAX_POLL_INTERVAL_MS, DEFAULT_MIN_POLL_INTERVAL_MS } from "../provider/gate/defaults";
import { modelPollTimes, shippedGrowth } from "./backoffModel";
import { mulberry32 } from "./random";
import { runRealWaits } from "./realWaiter";
import { GRID_MAX_MS, GRID_MIN_MS, prepareStudy } from "./scheduleStudy";
import { scoreSchedule } from "./schedules";
import type { WaitSample } from "./stats";
import { byBalance, judge, pairResult, prepareDuration, type OursAtDuration, type PairResult, type PreparedDuration } from "./trials";

/** Growth factors tried besides the shipped one. */
export const CANDIDATE_GROWTHS = [1.75, 1.5] as const;

/** Task durations of the robustness sweep, in seconds. */
export const SWEEP_SECONDS = [2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 90, 120, 180, 300, 600, 1200, 1800, 3600] as const;

/** A schedule across the sweep: how many durations meet both goals, and the worst ratios. */
export interface SweepResult {
  rows: OursAtDuration[];
  durationsMeetingBoth: number;
  worstCallsRatio: number;
  worstDelayRatio: number;
}

/** One design: a growth factor and a (min, max) pair. */
export interface DesignCandidate extends PairResult {
  growth: number;
  sweep?: SweepResult;
}

export interface DesignStudyResult {
  shippedGrowth: number;
  /** The model with the shipped growth against the real waiter, trial by trial, on the shipped defaults. */
  modelCheck: { trials: number; mismatches: number; identical: boolean };
  /** Per growth: how many grid pairs meet both goals at the four durations, and the best of them. */
  growths: Array<{ growth: number; pairsMeetingBoth: number; best?: DesignCandidate }>;
  /** The shipped design (growth and default bounds) on the sweep. */
  shippedSweep: SweepResult;
  /** Every candidate meeting both goals at the four durations, with its sweep, best balance first. */
  qualifying: DesignCandidate[];
  /** The best-balanced candidate that meets both goals at the four durations and at every sweep duration. */
  recommended?: DesignCandidate;
  /** The model grid of the recommended growth (all pairs), for the docs. */
  recommendedGrowthGrid: DesignCandidate[];
  elapsedMs: number;
}

function modelSamples(prepared: PreparedDuration, minMs: number, maxMs: number, growth: number): WaitSample[] {
  return prepared.completions.map((c, i) => scoreSchedule(modelPollTimes(minMs, maxMs, growth, mulberry32(prepared.jitterSeeds[i])), c));
}

function modelCandidate(prepared: readonly PreparedDuration[], growth: number, minMs: number, maxMs: number): DesignCandidate {
  return { growth, ...pairResult(minMs, maxMs, prepared.map((d) => judge(d, modelSamples(d, minMs, maxMs, growth)))) };
}

function sweep(sweepDurations: readonly PreparedDuration[], growth: number, minMs: number, maxMs: number): SweepResult {
  const rows = sweepDurations.map((d) => judge(d, modelSamples(d, minMs, maxMs, growth)));
  return {
    rows,
    durationsMeetingBoth: rows.filter((r) => r.callsVsTerraform.met && r.delayVsAws.met).length,
    worstCallsRatio: Math.max(...rows.map((r) => r.callsRatio)),
    worstDelayRatio: Math.max(...rows.map((r) => r.delayRatio)),
  };
}

/** Compares the model with the real waiter on every trial of the shipped defaults. */
async function checkModel(prepared: readonly PreparedDuration[], growth: number): Promise<DesignStudyResult["modelCheck"]> {
  let trials = 0;
  let mismatches = 0;
  for (const d of prepared) {
    const real = await runRealWaits(d, DEFAULT_MIN_POLL_INTERVAL_MS, DEFAULT_MAX_POLL_INTERVAL_MS);
    const model = modelSamples(d, DEFAULT_MIN_POLL_INTERVAL_MS, DEFAULT_MAX_POLL_INTERVAL_MS, growth);
    real.forEach((r, i) => {
      trials++;
      if (r.calls !== model[i].calls || Math.abs(r.delayMs - model[i].delayMs) > 1e-6) mismatches++;
    });
  }
  return { trials, mismatches, identical: mismatches === 0 };
}

export async function runDesignStudy(options: { seed: number; trials: number; log?: (line: string) => void }): Promise<DesignStudyResult> {
  const started = performance.now();
  const prepared = prepareStudy(options.seed, options.trials);
  const growth = shippedGrowth();
  const modelCheck = await checkModel(prepared, growth);
  options.log?.(`design study: model check ${modelCheck.identical ? "identical" : `${modelCheck.mismatches} mismatches`} over ${modelCheck.trials} trials`);
  const sweepDurations = SWEEP_SECONDS.map((s) => prepareDuration(options.seed, `${s} s`, s * 1000, options.trials));

  const growths = [growth, ...CANDIDATE_GROWTHS.filter((g) => g !== growth)];
  const grids = new Map<number, DesignCandidate[]>();
  for (const g of growths) {
    const grid: DesignCandidate[] = [];
    for (const minMs of GRID_MIN_MS) for (const maxMs of GRID_MAX_MS) grid.push(modelCandidate(prepared, g, minMs, maxMs));
    grids.set(g, grid);
    options.log?.(`design study: growth ${g} grid done`);
  }
  // Robustness: every candidate meeting both goals at the four durations goes through the sweep;
  // the recommendation is the best balance among those that hold at all 24 durations.
  const qualifying = [...grids.values()].flat().filter((c) => c.meetsBoth).sort(byBalance);
  for (const c of qualifying) c.sweep = sweep(sweepDurations, c.growth, c.minMs, c.maxMs);
  const recommended = qualifying.find((c) => c.sweep!.durationsMeetingBoth === sweepDurations.length);
  const perGrowth = growths.map((g) => {
    const meeting = qualifying.filter((c) => c.growth === g);
    return { growth: g, pairsMeetingBoth: meeting.length, best: meeting[0] };
  });
  return {
    shippedGrowth: growth,
    modelCheck,
    growths: perGrowth,
    shippedSweep: sweep(sweepDurations, growth, DEFAULT_MIN_POLL_INTERVAL_MS, DEFAULT_MAX_POLL_INTERVAL_MS),
    qualifying,
    recommended,
    recommendedGrowthGrid: recommended ? grids.get(recommended.growth)! : [],
    elapsedMs: performance.now() - started,
  };
}
