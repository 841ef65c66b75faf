/** Durations as users write them: `"45m"`, `"90s"`, `"1h30m"`, `"500ms"`, or a number of seconds. */
import { InputError } from "../api/errors";
import { showValue } from "./showValue";

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const durationPattern = /^(\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const partPattern = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/** The expected form, as error messages state it. */
export const DURATION_FORM = 'a positive duration such as "90s", "45m", "1h30m" or a number of seconds';

/**
 * Parses a duration into milliseconds; throws an {@link InputError} naming `field` when the
 * value does not parse or is not positive.
 */
export function parseDuration(value: unknown, field: string): number {
  let ms: number | undefined;
  if (typeof value === "number") {
    ms = Number.isFinite(value) ? value * 1000 : undefined;
  } else if (typeof value === "string") {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) ms = Number(text) * 1000;
    else if (durationPattern.test(text)) {
      ms = 0;
      for (const [, amount, unit] of text.matchAll(partPattern)) ms += Number(amount) * unitMs[unit];
    }
  }
  if (ms === undefined || !(ms > 0)) {
    throw new InputError(field, `${field} must be ${DURATION_FORM}; got ${showValue(value)}`);
  }
  return Math.round(ms);
}

/** Renders milliseconds the way progress lines and messages show time: `42s`, `1m20s`, `2h5m`. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h}h${m > 0 ? `${m}m` : ""}`;
  if (m > 0) return `${m}m${s > 0 ? `${s}s` : ""}`;
  return `${s}s`;
}
