/**
 * The trials of the schedule study and how a schedule is scored on them. Every schedule sees
 * the same tasks (paired trials), so differences between schedules are not sampling noise.
 */
import { stream, streamSeed, uniform } from "./random";
import { awsPollTimes, scoreSchedule, terraformPollTimes } from "./schedules";
import { comparePaired, mean, summarize, type PairedComparison, type WaitSample, type WaitSummary } from "./stats";

/** Each trial's task lasts duration × U(0.8, 1.2), timed from the wait's first poll. */
export const DURATION_SPREAD = [0.8, 1.2] as const;

/** Seed-stream purposes: each schedule draws from its own independent stream. */
const TASK = 1;
const OURS = 2;
const AWS = 3;

/** One duration's trials and the reference schedules' results on them. */
export interface PreparedDuration {
  label: string;
  durationMs: number;
  /** When each trial's task completes, ms after the wait's first poll. */
  completions: number[];
  /** Seeds of our jitter per trial: the same for every (min, max) pair tried. */
  jitterSeeds: number[];
  terraform: WaitSample[];
  aws: WaitSample[];
}

export function prepareDuration(seed: number, label: string, durationMs: number, trials: number): PreparedDuration {
  const completions = Array.from({ length: trials }, (_, i) => durationMs * uniform(stream(seed, TASK, durationMs, i), ...DURATION_SPREAD));
  return {
    label,
    durationMs,
    completions,
    jitterSeeds: completions.map((_, i) => streamSeed(seed, OURS, durationMs, i)),
    terraform: completions.map((c) => scoreSchedule(terraformPollTimes(), c)),
    aws: completions.map((c, i) => scoreSchedule(awsPollTimes(stream(seed, AWS, durationMs, i)), c)),
  };
}

/** Our schedule at one duration, against both goals. */
export interface OursAtDuration {
  label: string;
  durationMs: number;
  ours: WaitSummary;
  /** Goal 1: fewer calls than Terraform. */
  callsVsTerraform: PairedComparison;
  /** Goal 2: lower mean detection delay than AWS. */
  delayVsAws: PairedComparison;
  /** Our calls ÷ Terraform's. */
  callsRatio: number;
  /** Our mean delay ÷ AWS's. */
  delayRatio: number;
}

export function judge(prepared: PreparedDuration, samples: readonly WaitSample[]): OursAtDuration {
  const ours = summarize(samples);
  return {
    label: prepared.label,
    durationMs: prepared.durationMs,
    ours,
    callsVsTerraform: comparePaired(samples.map((s) => s.calls), prepared.terraform.map((s) => s.calls)),
    delayVsAws: comparePaired(samples.map((s) => s.delayMs), prepared.aws.map((s) => s.delayMs)),
    callsRatio: ours.calls / mean(prepared.terraform.map((s) => s.calls)),
    delayRatio: ours.delayMeanMs / mean(prepared.aws.map((s) => s.delayMs)),
  };
}

/** One (min, max) pair, at every duration. */
export interface PairResult {
  minMs: number;
  maxMs: number;
  perDuration: OursAtDuration[];
  /** Both goals met (by more than 2 standard errors) at every duration. */
  meetsBoth: boolean;
  /** Mean over durations of calls ÷ Terraform's. */
  callsRatio: number;
  /** Mean over durations of mean delay ÷ AWS's. */
  delayRatio: number;
  /** callsRatio + delayRatio, lower is better (see {@link byBalance}). */
  score: number;
}

export function pairResult(minMs: number, maxMs: number, perDuration: OursAtDuration[]): PairResult {
  const callsRatio = mean(perDuration.map((p) => p.callsRatio));
  const delayRatio = mean(perDuration.map((p) => p.delayRatio));
  return {
    minMs,
    maxMs,
    perDuration,
    meetsBoth: perDuration.every((p) => p.callsVsTerraform.met && p.delayVsAws.met),
    callsRatio,
    delayRatio,
    score: callsRatio + delayRatio,
  };
}

/**
 * The balance rule: the lowest (calls ÷ Terraform's) + (mean delay ÷ AWS's), each averaged
 * over the durations. Equal weights: 1 % fewer calls than Terraform is worth as much as 1 %
 * less delay than AWS.
 */
export function byBalance(a: { score: number }, b: { score: number }): number {
  return a.score - b.score;
}

export function referenceSummary(prepared: PreparedDuration): { label: string; durationMs: number; terraform: WaitSummary; aws: WaitSummary } {
  return { label: prepared.label, durationMs: prepared.durationMs, terraform: summarize(prepared.terraform), aws: summarize(prepared.aws) };
}
