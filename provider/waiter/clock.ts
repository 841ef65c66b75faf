/** The real clock: monotonic time and timer-based sleeps that honour an AbortSignal. */
import { abortReason } from "./abort";
import type { Clock } from "./types";

/** setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days), so longer sleeps are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The process clock. `now()` is monotonic (performance time, epoch-aligned at process start)
 * so that a wall-clock jump (NTP) cannot end a wait early or stretch it. Timers are not
 * unref'd on purpose: a pending wait must keep the provider process alive.
 */
export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  sleep: sleep,
};

/** Resolves after `ms` milliseconds; rejects with the abort reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const arm = (left: number) => {
      const chunk = Math.min(left, MAX_TIMER_MS);
      timer = setTimeout(() => {
        if (left > chunk) return arm(left - chunk); // only for over-long sleeps
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, chunk);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    arm(Math.max(0, ms));
  });
}
