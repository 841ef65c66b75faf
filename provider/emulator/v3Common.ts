/** What API 3.0 answers share: headers as read, the error envelope, Beijing time, the JSON body. */
import { randomUUID } from "crypto";
import type { ApiAnswer, ApiRequest } from "./protocol";

/** A request header by name (any case). */
export function header(req: ApiRequest, name: string): string | undefined {
  // Node lower-cases incoming header names.
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** An API 3.0 error answer with `code` and `message`. */
export function error(code: string, message: string): ApiAnswer {
  const apiRequestId = randomUUID();
  return { body: { Response: { Error: { Code: code, Message: message }, RequestId: apiRequestId } }, result: code, apiRequestId };
}

/** `yyyy-mm-dd hh:mm:ss` in Beijing time (UTC+8), as the service writes StartTime. */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** The JSON object body of a request, or undefined when it is not one. */
export function bodyObject(req: ApiRequest): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(req.body);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
