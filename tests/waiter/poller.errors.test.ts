import { TaskApiError } from "../../provider/api/errors";
import { TaskStatus } from "../../provider/api/status";
import { VirtualClock, waitForTask, type WaitOptions } from "../../provider/waiter";
import { REQUEST_ID, apiError, pollDelays, setupWait, type Step } from "./helpers";

const { Waiting, Executing, Succeeded } = TaskStatus;

/** The errors' schedules use the lowest delays (random 0). */
const setup = (steps: Step[], overrides: Partial<WaitOptions> = {}) => setupWait(steps, { random: () => 0, ...overrides });

const authFailure = () => apiError(4100, { hint: "Check the secret id and key" });
const serverError = () => apiError(6000, { retryable: true });
const systemError = () => new TaskApiError({ kind: "api", requestId: REQUEST_ID, code: "FailedOperation.SystemError", retryable: true, maxConsecutiveRetries: 3 });
const replay = () => apiError(4500, { retryable: true, maxConsecutiveRetries: 1 });

describe("waitForTask: permanent errors", () => {
  it("ends at once on a non-retryable error: one poll, no sleep, the error itself", async () => {
    const error = authFailure();
    const { clock, script, options } = setup([error]);
    const result = await waitForTask(options);
    expect(result).toEqual({ state: "error", record: undefined, polls: 1, waitedMs: 0, error });
    expect(script.callTimes).toEqual([0]);
    expect(pollDelays(clock, options.timeoutMs)).toEqual([]);
  });

  it("keeps the last record seen before the permanent error", async () => {
    const { options } = setup([Waiting, apiError(5000)]);
    expect(await waitForTask(options)).toMatchObject({ state: "error", polls: 2, record: { status: Waiting }, error: { code: 5000 } });
  });

  it("treats any other exception as permanent, wrapped in a TaskApiError that keeps the cause", async () => {
    const bug = new TypeError("cannot read properties of undefined");
    const { script, options } = setup([bug]);
    const result = await waitForTask(options);
    expect(result.state).toBe("error");
    expect(result.polls).toBe(1);
    expect(result.error).toBeInstanceOf(TaskApiError);
    expect(result.error).toMatchObject({ retryable: false, requestId: REQUEST_ID, cause: bug });
    expect(result.error!.message).toContain("cannot read properties of undefined");
    expect(result.error!.message).toContain(String(REQUEST_ID));
    expect(script.callTimes).toHaveLength(1);
  });

  it("recognizes a TaskApiError from another copy of the class by its shape", async () => {
    const foreign = Object.assign(new Error("throttled"), { name: "TaskApiError", retryable: true, kind: "api", code: 4400 });
    const { options } = setup([foreign, Succeeded]);
    expect(await waitForTask(options)).toMatchObject({ state: "succeeded", polls: 2 });
  });
});

describe("waitForTask: retryable errors", () => {
  it("retries with the same backoff schedule and succeeds", async () => {
    const { clock, options } = setup([serverError(), serverError(), Executing, Succeeded]);
    const result = await waitForTask(options);
    expect(result).toMatchObject({ state: "succeeded", polls: 4, waitedMs: 3000 });
    expect(result.error).toBeUndefined();
    expect(pollDelays(clock, options.timeoutMs)).toEqual([1000, 1000, 1000]);
  });

  it("times out with the last error when the last poll failed", async () => {
    const last = serverError();
    const { options } = setup([Executing, Executing, last], { timeoutMs: 10_000, maxPollIntervalMs: 4000, random: () => 0.9999999 });
    const result = await waitForTask(options);
    expect(result).toEqual({ state: "timedOut", record: expect.objectContaining({ status: Executing }), polls: 5, waitedMs: 9950, error: last });
  });

  it("times out without an error when the last poll answered", async () => {
    const { options } = setup([serverError(), serverError(), Executing], { timeoutMs: 10_000, maxPollIntervalMs: 4000 });
    const result = await waitForTask(options);
    expect(result.state).toBe("timedOut");
    expect(result.error).toBeUndefined();
  });

  it("times out with no record when every poll failed", async () => {
    const { options } = setup([serverError()], { timeoutMs: 5000 });
    const result = await waitForTask(options);
    expect(result).toMatchObject({ state: "timedOut", record: undefined, error: { code: 6000 } });
  });
});

describe("waitForTask: maxConsecutiveRetries", () => {
  it("allows that many retries in a row, then ends on the next failure", async () => {
    const { options } = setup([systemError()]);
    const result = await waitForTask(options);
    expect(result).toMatchObject({ state: "error", polls: 4, error: { code: "FailedOperation.SystemError" } });
  });

  it("retries a replay once (maxConsecutiveRetries 1)", async () => {
    expect(await waitForTask(setup([replay(), replay(), Succeeded]).options)).toMatchObject({ state: "error", polls: 2 });
    expect(await waitForTask(setup([replay(), Succeeded]).options)).toMatchObject({ state: "succeeded", polls: 2 });
  });

  it("ends at once when maxConsecutiveRetries is 0", async () => {
    const once = apiError(6200, { retryable: true, maxConsecutiveRetries: 0 });
    expect(await waitForTask(setup([once, Succeeded]).options)).toMatchObject({ state: "error", polls: 1, error: once });
  });

  it("counts only consecutive failures with the same code", async () => {
    const other = serverError();
    const steps: Step[] = [systemError(), systemError(), systemError(), other, systemError(), systemError(), systemError(), Succeeded];
    expect(await waitForTask(setup(steps).options)).toMatchObject({ state: "succeeded", polls: 8 });
  });

  it("starts counting again after a successful poll", async () => {
    const steps: Step[] = [systemError(), systemError(), systemError(), Waiting, systemError(), systemError(), systemError(), systemError()];
    expect(await waitForTask(setup(steps).options)).toMatchObject({ state: "error", polls: 8, record: { status: Waiting } });
  });

  it("keeps retrying errors without a bound until the deadline", async () => {
    const { options } = setup([serverError()], { timeoutMs: 60_000 });
    const result = await waitForTask(options);
    expect(result.state).toBe("timedOut");
    expect(result.polls).toBeGreaterThan(5);
  });
});

describe("waitForTask: errors retried only for a while (retryForMs)", () => {
  const refused = () =>
    new TaskApiError({ kind: "transport", requestId: REQUEST_ID, code: "ECONNREFUSED", retryable: true, retryForMs: 20_000, hint: "nothing answers at http://127.0.0.1:9 (apiVersion v2)" });

  it("gives up when the streak has lasted retryForMs, with a last try at its very end, long before the timeout", async () => {
    const error = refused();
    const { clock, script, options } = setup([error], { timeoutMs: 30 * 60_000, minPollIntervalMs: 2000, maxPollIntervalMs: 30_000, random: () => 0.9999999 });
    const result = await waitForTask(options);
    expect(result).toMatchObject({ state: "error", error, waitedMs: 20_000 });
    // Backoff 2 s, 4 s, 8 s (doubling, top of the range), then cut to end the 20 s window.
    expect(pollDelays(clock, options.timeoutMs)).toEqual([2000, 4000, 8000, 6000]);
    expect(script.callTimes).toEqual([0, 2000, 6000, 14_000, 20_000]);
  });

  it("makes the last try at the window's end even when the poll interval is longer than the window", async () => {
    const { clock, options } = setup([refused()], { timeoutMs: 30 * 60_000, minPollIntervalMs: 60_000, maxPollIntervalMs: 60_000 });
    const result = await waitForTask(options);
    expect(result).toMatchObject({ state: "error", polls: 2, waitedMs: 20_000 });
    expect(pollDelays(clock, options.timeoutMs)).toEqual([20_000]);
  });

  it("succeeds when the endpoint comes up within the window (a restarting emulator or proxy)", async () => {
    const { options } = setup([refused(), refused(), Executing, Succeeded]);
    expect(await waitForTask(options)).toMatchObject({ state: "succeeded", polls: 4 });
  });

  it("starts a new window after an answer, so a flapping endpoint is judged by each outage alone", async () => {
    const steps: Step[] = [refused(), refused(), refused(), Executing, refused(), refused(), refused(), Succeeded];
    const { options } = setup(steps, { minPollIntervalMs: 5000, maxPollIntervalMs: 5000 });
    // Each outage lasts 10 s of the 20 s window.
    expect(await waitForTask(options)).toMatchObject({ state: "succeeded", polls: 8 });
  });

  it("times out as usual when the timeout is shorter than the window", async () => {
    const { options } = setup([refused()], { timeoutMs: 5000 });
    expect(await waitForTask(options)).toMatchObject({ state: "timedOut", error: { code: "ECONNREFUSED" } });
  });
});
