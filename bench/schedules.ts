/**
 * The reference schedules of REFERENCE §6 as pure functions of the attempt (and a random source),
 * and the one rule every schedule is scored by: a wait ends at its first poll at or after the
 * task's completion.
 */
import type { WaitSample } from "./stats";

/** When the n-th poll (0-based) is made, in ms since the wait began; n = 0 is the first poll. */
export type PollTimes = (random: () => number) => Iterator<number>;

/** Terraform tencentcloud provider (Redis tasks): 0, 0.5, 1.5, 3.5, 7.5 s, then every 10 s, no jitter. */
export const TERRAFORM_PREFIX_MS = [0, 500, 1_500, 3_500, 7_500] as const;
export const TERRAFORM_PERIOD_MS = 10_000;

export function* terraformPollTimes(): Iterator<number> {
  yield* TERRAFORM_PREFIX_MS;
  for (let t = TERRAFORM_PREFIX_MS[TERRAFORM_PREFIX_MS.length - 1] + TERRAFORM_PERIOD_MS; ; t += TERRAFORM_PERIOD_MS) yield t;
}

/** AWS SDK v3 (smithy) waiter defaults, in ms. */
export const AWS_MIN_DELAY_MS = 2_000;
export const AWS_MAX_DELAY_MS = 120_000;

/**
 * AWS SDK v3 waiters: first poll at once, then delay n (1, 2, …) drawn uniformly (continuous, as
 * smithy's `randomInRange`) from [min, min(min·2^(n-1), max)].
 */
export function* awsPollTimes(random: () => number, minMs = AWS_MIN_DELAY_MS, maxMs = AWS_MAX_DELAY_MS): Iterator<number> {
  let t = 0;
  yield t;
  for (let n = 1; ; n++) {
    const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(n - 1, 52));
    t += minMs + random() * (ceiling - minMs);
    yield t;
  }
}

/** Calls and detection delay of a schedule for a task that completes `completionMs` after the wait began. */
export function scoreSchedule(times: Iterator<number>, completionMs: number): WaitSample {
  for (let calls = 1; ; calls++) {
    const t = times.next().value as number;
    if (t >= completionMs) return { calls, delayMs: t - completionMs };
  }
}
