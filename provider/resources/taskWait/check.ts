/**
 * `check`: validates every TaskWait field at `pulumi preview`, naming the field and the expected
 * form. Values still unknown during preview pass; they are checked again at `up`.
 */
import { checkDurations, checkFields, optional } from "../checkFields";
import type { CheckFailure } from "../core";
import { parseApiVersion, parseEndpoint, parseRegion, parseRequestId } from "../../input/fields";
import { redactRequestId } from "../secretRequestId";
import type { TaskWaitInputs } from "./types";

export { UNKNOWN_VALUE } from "../checkFields";
export type { CheckFailure } from "../core";

/** Validates raw inputs; returns them with `requestId` as a number and `endpoint` normalized, and the failures. */
export function checkTaskWaitInputs(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const { inputs, failures } = checkFields(news, [
    { field: "requestId", validate: (v) => parseRequestId(v), store: true },
    { field: "region", validate: (v) => parseRegion(v) },
    // Stored normalized (no trailing slash), as outputs record it, or every diff would replace.
    { field: "endpoint", validate: (v) => parseEndpoint(v), store: true },
    { field: "apiVersion", validate: (v) => parseApiVersion(v) },
  ]);
  failures.push(...checkDurations(news));
  // A secret requestId must not come back in a failure's text either.
  const shown = news.requestIdIsSecret === true ? failures.map((f) => ({ ...f, reason: redactRequestId(f.reason, news.requestId) })) : failures;
  return { inputs, failures: shown };
}

/** The inputs as the provider uses them, after `check` passed. */
export function toTaskWaitInputs(raw: Record<string, unknown>): TaskWaitInputs {
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
