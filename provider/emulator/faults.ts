/**
 * Fault settings and the decision, per API request, whether to spoil its answer: the rate
 * limiter first (a throttled request never reaches the service), then `failureRate`.
 */
import { InputError } from "../api/errors";
import { TokenBucket } from "./rateLimit";
import type { EmulatorFaults, FailureKind } from "./types";

/** Every failure kind, the default of `failureKinds`. */
export const FAILURE_KINDS: readonly FailureKind[] = ["http502", "reset", "malformed", "throttle", "internal"];

const faultFields = ["rateLimitPerSecond", "failureRate", "failureKinds", "latencyMs"] as const;

/** What to do with one API request: answer it normally, throttle it, or spoil it with a kind. */
export type FaultDecision = { kind: "none" } | { kind: "rateLimited" } | { kind: "failure"; failure: FailureKind };

/** Checks a fault patch; throws an {@link InputError} naming the field. `null` fields are valid (they clear). */
export function validateFaults(value: unknown): EmulatorFaults {
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new InputError("faults", "faults must be an object");
  const patch = value as Record<string, unknown>;
  for (const key of Object.keys(patch)) {
    if (!(faultFields as readonly string[]).includes(key)) {
      throw new InputError(key, `${key} is not a fault setting (expected one of ${faultFields.join(", ")})`);
    }
  }
  const fail = (field: string, expected: string): never => {
    throw new InputError(field, `${field} must be ${expected}; got ${JSON.stringify(patch[field])}`);
  };
  const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
  const { rateLimitPerSecond: rate, failureRate, failureKinds, latencyMs } = patch;
  if (rate != null && !(num(rate) && rate > 0)) fail("rateLimitPerSecond", "a positive number of requests per second, or null");
  if (failureRate != null && !(num(failureRate) && failureRate >= 0 && failureRate <= 1)) fail("failureRate", "a number from 0 to 1, or null");
  if (latencyMs != null && !(num(latencyMs) && latencyMs >= 0)) fail("latencyMs", "a non-negative number of milliseconds, or null");
  if (
    failureKinds != null &&
    !(Array.isArray(failureKinds) && failureKinds.length > 0 && failureKinds.every((k) => FAILURE_KINDS.includes(k as FailureKind)))
  ) {
    fail("failureKinds", `a non-empty array of ${FAILURE_KINDS.map((k) => `"${k}"`).join(", ")}, or null`);
  }
  return patch as EmulatorFaults;
}

/** The active faults of one emulator, with its rate limiter. */
export class FaultInjector {
  private faults: EmulatorFaults = {};
  private bucket?: TokenBucket;

  constructor(
    private readonly clock: () => number,
    private readonly random: () => number,
  ) {}

  /**
   * Applies a patch: absent fields keep their value, `null` clears one, an empty object (or
   * null) clears all. A new rate restarts the bucket full.
   */
  apply(patch: EmulatorFaults | null | undefined): void {
    const checked = validateFaults(patch);
    const next: EmulatorFaults = Object.keys(checked).length === 0 ? {} : { ...this.faults };
    for (const key of faultFields) {
      if (!(key in checked)) continue;
      if (checked[key] === null || checked[key] === undefined) delete next[key];
      else (next as Record<string, unknown>)[key] = checked[key];
    }
    if (next.rateLimitPerSecond !== this.faults.rateLimitPerSecond) {
      this.bucket = next.rateLimitPerSecond ? new TokenBucket(next.rateLimitPerSecond, this.clock) : undefined;
    }
    this.faults = next;
  }

  /** A copy of the active settings. */
  current(): EmulatorFaults {
    return { ...this.faults };
  }

  /** Real milliseconds to hold back every API answer. */
  latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  /** Decides the fate of one API request; call once per request (it takes a rate-limit token). */
  decide(): FaultDecision {
    if (this.bucket && !this.bucket.take()) return { kind: "rateLimited" };
    const rate = this.faults.failureRate ?? 0;
    if (rate > 0 && this.random() < rate) {
      const kinds = this.faults.failureKinds ?? FAILURE_KINDS;
      const failure = kinds[Math.min(kinds.length - 1, Math.floor(this.random() * kinds.length))];
      return { kind: "failure", failure };
    }
    return { kind: "none" };
  }
}
