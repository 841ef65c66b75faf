/**
 * A clock for a wait over real sockets on a busy machine: its time moves only when the wait sleeps
 * between polls, by exactly that sleep, and never while a call is in flight. So a short timeout
 * passes after the wait's own schedule of polls, not after however long a loaded machine takes to
 * answer them: the number of polls, the final poll before the deadline and the last error (always
 * a completed poll's) come out the same on any machine. Real per-request timeouts still apply.
 */
import { DEADLINE_GRACE_MS, VirtualClock, type Clock } from "../../provider/waiter";

/**
 * A clock for one wait of `timeoutMs`. The wait's deadline watch (a sleep of the timeout plus
 * DEADLINE_GRACE_MS, longer than any sleep between polls) only wakes when those sleeps carry the
 * time past it. Starts at the real time, since requests are signed with the clock's timestamp.
 */
export function pollPacedClock(timeoutMs: number): Clock {
  const virtual = new VirtualClock({ startMs: Date.now(), recordSleeps: false });
  return {
    now: () => virtual.now(),
    async sleep(ms: number, signal?: AbortSignal): Promise<void> {
      const woken = virtual.sleep(ms, signal);
      if (ms !== timeoutMs + DEADLINE_GRACE_MS) await virtual.advance(ms);
      return woken;
    },
  };
}
