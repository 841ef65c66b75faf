/** Checks the options of a wait before it starts: wrong options are a programming error, thrown at once. */
import type { WaitOptions } from "./types";

/** Throws a RangeError (or TypeError) naming the first option that cannot be used. */
export function validateWaitOptions(options: WaitOptions): void {
  if (typeof options.query !== "function") throw new TypeError("waitForTask: query must be a function");
  if (!Number.isFinite(options.requestId)) throw new RangeError(`waitForTask: requestId must be a number; got ${options.requestId}`);
  positive("timeoutMs", options.timeoutMs);
  positive("minPollIntervalMs", options.minPollIntervalMs);
  positive("maxPollIntervalMs", options.maxPollIntervalMs);
  if (options.backoffGrowth !== undefined && !(Number.isFinite(options.backoffGrowth) && options.backoffGrowth > 1)) {
    throw new RangeError(`waitForTask: backoffGrowth must be a number > 1; got ${options.backoffGrowth}`);
  }
  if (options.maxPollIntervalMs < options.minPollIntervalMs) {
    throw new RangeError(
      `waitForTask: maxPollIntervalMs (${options.maxPollIntervalMs}) must be >= minPollIntervalMs (${options.minPollIntervalMs})`,
    );
  }
}

function positive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`waitForTask: ${name} must be a positive number of milliseconds; got ${value}`);
}
