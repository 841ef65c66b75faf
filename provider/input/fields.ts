/**
 * Validation of the user-facing fields shared by TaskWait, getTaskInfo, the policies and the
 * CLI; each failure is an {@link InputError} naming the field and the expected form.
 */
import { InputError } from "../api/errors";
import { showValue } from "./showValue";
import type { ApiVersion } from "../api/types";

/** Task IDs are unsigned integers; beyond 2^53 a JavaScript number cannot hold them exactly. */
export function parseRequestId(value: unknown, field = "requestId"): number {
  const expected = `${field} must be a non-negative integer task ID (a number or a numeric string) no larger than 2^53-1`;
  if (value === undefined || value === null || value === "") throw new InputError(field, `${expected}; it is missing`);
  let id: number;
  if (typeof value === "number") id = value;
  else if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) id = Number(value);
  else throw new InputError(field, `${expected}; got ${showValue(value)}`);
  if (!Number.isSafeInteger(id) || id < 0) throw new InputError(field, `${expected}; got ${showValue(value)}`);
  return id;
}

/** `v2` or `v3`; undefined stays undefined (the caller picks the default). */
export function parseApiVersion(value: unknown, field = "apiVersion"): ApiVersion | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (value === "v2" || value === "v3") return value;
  throw new InputError(field, `${field} must be "v2" (API 2.0) or "v3" (API 3.0); got ${showValue(value)}`);
}

const regionPattern = /^[a-z]{2,}(-[a-z0-9]+){1,3}$/;

/** A Tencent Cloud region name such as `ap-guangzhou` or `na-siliconvalley`. */
export function parseRegion(value: unknown, field = "region"): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string" && regionPattern.test(value)) return value;
  throw new InputError(field, `${field} must be a Tencent Cloud region name such as "ap-guangzhou"; got ${showValue(value)}`);
}

/** An http(s) base URL; a trailing slash is dropped. */
export function parseEndpoint(value: unknown, field = "endpoint"): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const expected = `${field} must be an http:// or https:// base URL such as "http://127.0.0.1:43121"`;
  if (typeof value !== "string") throw new InputError(field, `${expected}; got ${showValue(value)}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(field, `${expected}; got ${showValue(value)}`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash || url.username) {
    throw new InputError(field, `${expected}; got ${showValue(value)}`);
  }
  return value.replace(/\/+$/, "");
}

/** A TCP port number, 0 meaning "any free port". */
export function parsePort(value: unknown, field = "port"): number {
  const port = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof port === "number" && Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  throw new InputError(field, `${field} must be a port number from 0 to 65535 (0 = any free port); got ${showValue(value)}`);
}
