/** How a rejected value is quoted in an error message: as JSON, except numbers JSON cannot show (NaN, Infinity). */
export function showValue(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? String(value);
}
