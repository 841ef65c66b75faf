/**
 * A secret `requestId`. Dynamic providers receive secrets as plain values (the host does not
 * accept secrets), so the TaskWait tells its provider with the `requestIdIsSecret` input, and the
 * provider keeps the ID out of everything it shows: progress lines, messages and the resource ID
 * (IDs are never encrypted in state). The engine itself keeps the `requestId` output secret.
 */
import { randomUUID } from "crypto";
import { showValue } from "../input/showValue";

/** What stands for a secret requestId, as the Pulumi CLI shows secrets. */
export const SECRET_MARKER = "[secret]";

/**
 * `text` with `requestId` replaced by {@link SECRET_MARKER}: every whole number with its digits
 * (the API may echo the ID in its own messages), and the value as input errors quote it.
 */
export function redactRequestId(text: string, requestId: unknown): string {
  let redacted = text;
  // A string as input errors quote it (`got "12a"`); numbers are handled as digits below.
  if (typeof requestId === "string" && requestId !== "") redacted = redacted.split(showValue(requestId)).join(SECRET_MARKER);
  const digits = String(requestId ?? "").trim();
  if (/^\d+$/.test(digits)) redacted = redacted.replace(new RegExp(`(?<!\\d)${digits}(?!\\d)`, "g"), SECRET_MARKER);
  return redacted;
}

/** The resource ID of a TaskWait whose requestId is secret: random, so it says nothing about the task. */
export function secretTaskWaitId(): string {
  return `secret-${randomUUID()}`;
}

/**
 * Runs `action`; when `secret`, an error it throws leaves with `requestId` redacted from its
 * message and stack (the host logs both), from its reasons (a partial failure) and from its other
 * fields, which Node prints beside an unhandled error (a `TaskApiError`'s `requestId` and
 * `apiMessage`); its `cause` (a transport error quoting the request URL) is dropped.
 */
export async function redactingErrors<T>(requestId: unknown, secret: boolean, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (secret && error instanceof Error) redactError(error, requestId);
    throw error;
  }
}

function redactError(error: Error, requestId: unknown): void {
  error.message = redactRequestId(error.message, requestId);
  if (error.stack) error.stack = redactRequestId(error.stack, requestId);
  const fields = error as unknown as Record<string, unknown>;
  delete fields.cause;
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") fields[key] = redactRequestId(value, requestId);
    else if (typeof value === "number" && String(value) === String(requestId ?? "").trim()) fields[key] = SECRET_MARKER;
    else if (Array.isArray(value)) fields[key] = value.map((item) => (typeof item === "string" ? redactRequestId(item, requestId) : item));
  }
}
