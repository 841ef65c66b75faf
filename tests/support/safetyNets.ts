/**
 * The suite's wall-clock bounds where a real duration is the point. Scenarios wait on events
 * (output lines, a task's polls); these bounds only turn a hang into a failure that shows what
 * happened, and sit far beyond the expected times (>= 3x), so a busy machine cannot trip them.
 * The measured figures are printed by the tests that use them.
 */

/** How long `waitForOutput` waits for a line by default: longer than any single command runs. */
export const OUTPUT_SAFETY_NET_MS = 150_000;

/**
 * How soon `pulumi up` must exit after SIGINT while a gate waits on a task that never finishes,
 * with a 10-minute timeout, asleep between polls 20 s apart (SLEEPY_POLLS): without the
 * cancellation it would sleep on and run for those 10 minutes; the exit itself took 0.1–0.6 s
 * with six jest workers and CPU burners on two cores (load 18).
 */
export const CLI_CANCEL_SAFETY_NET_MS = 15_000;

/**
 * How soon a provider's waits must end after the engine's Cancel while they sleep between polls
 * 20 s apart (SLEEPY_POLLS): without the cancellation they would sleep on; the answer itself takes
 * milliseconds.
 */
export const HOST_CANCEL_SAFETY_NET_MS = 10_000;

/**
 * How long `tencentcloud-redis-task wait` may run when a 5 s timeout or a Ctrl-C ends it: Node's
 * start and the timeout take 1–6 s; without them it would wait a minute or for ever.
 */
export const CLI_EXIT_SAFETY_NET_MS = 25_000;

/**
 * How soon an in-process wait with a timeout of at most 600 ms must end when the server never
 * answers usefully: the deadline plus at most the 500 ms grace for the call in flight, about 1 s.
 * The claim "at its deadline, not long after" is the benchmark's; this only catches a wait that
 * does not end (it would retry until jest's timeout).
 */
export const SHORT_WAIT_END_SAFETY_NET_MS = 5_000;

/**
 * Poll intervals that leave a wait asleep between polls for longer than the cancel safety nets.
 * Not longer: a first attempt that fails (a keep-alive connection reset on a busy machine) is
 * retried after the same interval, which must stay within jest's timeout.
 */
export const SLEEPY_POLLS = { minPollInterval: "20s", maxPollInterval: "20s" } as const;
