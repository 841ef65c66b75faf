/** queryWithRetries in virtual time: one answer for a refresh, retried by the waiter's rules within a budget. */
import { TaskApiError } from "../../provider/api/errors";
import { TaskStatus } from "../../provider/api/status";
import { queryWithRetries, VirtualClock, type QueryRetryOptions } from "../../provider/waiter";
import { REQUEST_ID, apiError, scriptedQuery, type Step } from "./helpers";

const { Executing, Succeeded } = TaskStatus;

const throttled = () => apiError(4400, { retryable: true });
const refused = () => new TaskApiError({ kind: "transport", requestId: REQUEST_ID, code: "ECONNREFUSED", retryable: true, retryForMs: 20_000 });

function setup(steps: Step[], overrides: Partial<QueryRetryOptions> = {}) {
  const clock = new VirtualClock({ autoAdvance: true });
  const script = scriptedQuery(clock, steps);
  const options: QueryRetryOptions = {
    requestId: REQUEST_ID,
    query: script.query,
    budgetMs: 120_000,
    minDelayMs: 1000,
    maxDelayMs: 10_000,
    clock,
    random: () => 0.9999999,
    ...overrides,
  };
  return { clock, script, options };
}

/** The rejection of a call that must fail. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

test("returns the first answer whatever the status, after one call", async () => {
  const { script, options } = setup([Executing, Succeeded]);
  const result = await queryWithRetries(options);
  expect(result).toMatchObject({ calls: 1, record: { status: Executing } });
  expect(script.callTimes).toEqual([0]);
});

test("retries throttling with growing jittered delays until an answer comes", async () => {
  const { clock, script, options } = setup([throttled(), throttled(), throttled(), Succeeded]);
  const result = await queryWithRetries(options);
  expect(result).toMatchObject({ calls: 4, record: { status: Succeeded } });
  // Top of the range with growth 1.75: 1 s, 1.75 s, 3.06 s.
  expect(clock.sleepCalls).toEqual([1000, 1750, 3062]);
  expect(script.callTimes).toEqual([0, 1000, 2750, 5812]);
});

test("a permanent error ends it at once", async () => {
  const gone = apiError(11201);
  const { script, options } = setup([gone, Succeeded]);
  expect(await rejection(queryWithRetries(options))).toBe(gone);
  expect(script.callTimes).toEqual([0]);
});

test("when the budget is spent, rejects with the last error after a final try just before the budget's end", async () => {
  const last = throttled();
  const { clock, script, options } = setup([last], { budgetMs: 30_000 });
  expect(await rejection(queryWithRetries(options))).toBe(last);
  expect(clock.now()).toBe(29_950);
  expect(script.callTimes.at(-1)).toBe(29_950);
  expect(script.callTimes.length).toBeGreaterThan(4);
});

test("a probably-permanent error (refused) gives up after its own 20 s, within a longer budget", async () => {
  const { clock, options } = setup([refused()]);
  expect(await rejection(queryWithRetries(options))).toMatchObject({ code: "ECONNREFUSED" });
  expect(clock.now()).toBe(20_000);
});

test("an abort ends it with the abort reason, also in the middle of a delay", async () => {
  const controller = new AbortController();
  const { clock, options } = setup([throttled()], { signal: controller.signal });
  const pending = rejection(queryWithRetries(options));
  await clock.advance(0);
  controller.abort(new Error("cancelled"));
  expect(await pending).toMatchObject({ message: "cancelled" });
});
