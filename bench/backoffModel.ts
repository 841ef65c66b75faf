/**
 * Our backoff as a pure poll-time generator, with the growth factor (2 in the shipped
 * `pollDelay`) as a parameter, so the design study can try other factors without editing the
 * provider. With the shipped factor it must reproduce the real waiter poll for poll; the study
 * checks that on every run before trusting any other number from it.
 */
import { pollDelay } from "../provider/waiter/backoff";

/** `pollDelay` with `growth` in place of 2: whole ms, uniform in [min, min(max, min·growth^(attempt-1))]. */
export function modelPollDelay(attempt: number, minMs: number, maxMs: number, growth: number, random: number): number {
  const capped = attempt - 1 >= Math.log(maxMs / minMs) / Math.log(growth);
  const ceiling = capped ? maxMs : Math.min(maxMs, minMs * growth ** (attempt - 1));
  const low = Math.ceil(minMs);
  const high = Math.max(low, Math.floor(ceiling));
  return Math.min(high, low + Math.floor(random * (high - low + 1)));
}

/** Poll times (ms since the wait began) of the model: the first poll at once, then the delays above. */
export function* modelPollTimes(minMs: number, maxMs: number, growth: number, random: () => number): Iterator<number> {
  let t = 0;
  yield t;
  for (let attempt = 1; ; attempt++) {
    t += modelPollDelay(attempt, minMs, maxMs, growth, random());
    yield t;
  }
}

/**
 * The growth factor of the shipped `pollDelay`, read off its second delay at the top of its
 * range (min 1e6 ms gives six significant digits): 2 today, whatever it is after a change.
 */
export function shippedGrowth(): number {
  const minMs = 1_000_000;
  return pollDelay(2, minMs, minMs * 1e6, 1 - 1e-12) / minMs;
}
