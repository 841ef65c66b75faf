/** The check every core makes: each field validated on its own, unknown values passed, failures collected. */
import { InputError } from "../api/errors";
import { parseDuration } from "../input/duration";
import type { CheckFailure, Props } from "./core";

/** The placeholder the engine sends for values not known during preview. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Validates one field's value; a result other than undefined replaces the input when `store` is set. */
export type FieldRule = { field: string; validate: (value: unknown) => unknown; store?: boolean };

/**
 * Applies `rules` to `news`: unknown values pass (they are checked again at `up`), an
 * {@link InputError} becomes a failure naming its field, parsed values are stored where asked.
 */
export function checkFields(news: Props, rules: readonly FieldRule[]): { inputs: Props; failures: CheckFailure[] } {
  const failures: CheckFailure[] = [];
  const inputs: Props = { ...news };
  for (const { field, validate, store } of rules) {
    const value = news[field];
    if (value === UNKNOWN_VALUE) continue;
    try {
      const parsed = validate(value);
      if (store && parsed !== undefined) inputs[field] = parsed;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failures.push({ property: field, reason: error.message });
    }
  }
  return { inputs, failures };
}

/** The three wait durations, each parsed, and min ≤ max when both are known. */
export function checkDurations(news: Props): CheckFailure[] {
  const durations: Record<string, number | undefined> = {};
  const rules = ["timeout", "minPollInterval", "maxPollInterval"].map((field) => ({
    field,
    validate: (v: unknown) => {
      if (v !== undefined && v !== null && v !== "") durations[field] = parseDuration(v, field);
    },
  }));
  const { failures } = checkFields(news, rules);
  const { minPollInterval: min, maxPollInterval: max } = durations;
  if (min !== undefined && max !== undefined && min > max) {
    failures.push({
      property: "minPollInterval",
      reason: `minPollInterval must not exceed maxPollInterval; got ${JSON.stringify(news.minPollInterval)} > ${JSON.stringify(news.maxPollInterval)}`,
    });
  }
  return failures;
}

/** A value left out: undefined, null or the empty string. */
export const optional = <T>(value: unknown): T | undefined => (value === undefined || value === null || value === "" ? undefined : (value as T));
