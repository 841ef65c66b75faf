/** How a response body is quoted in error messages: short, single-line, enough to recognize. */
export function quoteBody(body: string, limit = 160): string {
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat === "") return "an empty body";
  return JSON.stringify(flat.length > limit ? flat.slice(0, limit) + "…" : flat);
}

/** Parses JSON, returning undefined instead of throwing. */
export function tryParseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for an object whose `code` is an integer or an integer string: the API 2.0 answer's mark. */
export function hasIntegerCode(body: Record<string, unknown>): boolean {
  return Number.isInteger(body.code) || (typeof body.code === "string" && /^-?\d+$/.test(body.code));
}
