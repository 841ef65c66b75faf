/**
 * `check`: validates every TaskWait field at `pulumi preview`, naming the field and the expected
 * form. Values still unknown during preview pass; they are checked again at `up`.
 */
import { InputError } from "../api/errors";
import { parseDuration } from "../input/duration";
import { parseApiVersion, parseEndpoint, parseRegion, parseRequestId } from "../input/fields";
import { redactRequestId } from "./secretRequestId";
import type { TaskWaitInputs } from "./taskWaitTypes";

/** The placeholder the engine sends for values not known during preview. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** One rejected field, as `dynamic.CheckFailure`. */
export interface CheckFailure {
  property: string;
  reason: string;
}

const isUnknown = (value: unknown): boolean => value === UNKNOWN_VALUE;

/** Validates raw inputs; returns them with `requestId` as a number and `endpoint` normalized, and the failures. */
export function checkTaskWaitInputs(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const failures: CheckFailure[] = [];
  const inputs: Record<string, unknown> = { ...news };
  const attempt = (field: string, validate: (value: unknown) => unknown, store = false): void => {
    const value = news[field];
    if (isUnknown(value)) return;
    try {
      const parsed = validate(value);
      if (store && parsed !== undefined) inputs[field] = parsed;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failures.push({ property: field, reason: error.message });
    }
  };
  attempt("requestId", (v) => parseRequestId(v), true);
  attempt("region", (v) => parseRegion(v));
  // Stored normalized (no trailing slash), as outputs record it, or every diff would replace.
  attempt("endpoint", (v) => parseEndpoint(v), true);
  attempt("apiVersion", (v) => parseApiVersion(v));
  const durations: Record<string, number | undefined> = {};
  for (const field of ["timeout", "minPollInterval", "maxPollInterval"]) {
    attempt(field, (v) => {
      if (v === undefined || v === null || v === "") return undefined;
      durations[field] = parseDuration(v, field);
      return undefined;
    });
  }
  const { minPollInterval: min, maxPollInterval: max } = durations;
  if (min !== undefined && max !== undefined && min > max) {
    failures.push({
      property: "minPollInterval",
      reason: `minPollInterval must not exceed maxPollInterval; got ${JSON.stringify(news.minPollInterval)} > ${JSON.stringify(news.maxPollInterval)}`,
    });
  }
  // A secret requestId must not come back in a failure's text either.
  const shown = news.requestIdIsSecret === true ? failures.map((f) => ({ ...f, reason: redactRequestId(f.reason, news.requestId) })) : failures;
  return { inputs, failures: shown };
}

/** The inputs as the provider uses them, after `check` passed. */
export function toTaskWaitInputs(raw: Record<string, unknown>): TaskWaitInputs {
  const optional = <T>(value: unknown): T | undefined => (value === undefined || value === null || value === "" ? undefined : (value as T));
  return {
    requestId: parseRequestId(raw.requestId),
    region: parseRegion(raw.region),
    endpoint: parseEndpoint(raw.endpoint),
    apiVersion: parseApiVersion(raw.apiVersion),
    timeout: optional(raw.timeout),
    minPollInterval: optional(raw.minPollInterval),
    maxPollInterval: optional(raw.maxPollInterval),
    displayName: optional(raw.displayName),
    requestIdIsSecret: raw.requestIdIsSecret === true ? true : undefined,
  };
}
