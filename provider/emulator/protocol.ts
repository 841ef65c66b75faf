/** What the two API versions share: the request as read, the answer to send, and the checks' context. */
import { timingSafeEqual } from "crypto";
import type { IncomingHttpHeaders } from "http";
import type { ListingCounter } from "./listings";
import type { InstanceRegistry } from "./instances";
import type { TaskStore } from "./tasks";

/** The service rejects timestamps further than this from its clock (both directions). */
export const MAX_TIMESTAMP_SKEW_SECONDS = 300;

/** An API request, body fully read. */
export interface ApiRequest {
  method: string;
  /** Path without the query string. */
  pathname: string;
  /** Raw query string without `?` (may be empty). */
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The JSON answer of an API request (always HTTP 200, as the service answers errors too). */
export interface ApiAnswer {
  body: unknown;
  /** The outcome for the log line: `0 Success`, `4100 AuthFailure.SignatureFailure`, `InvalidAction` … */
  result: string;
  /** API 3.0 `RequestId`, logged so a client's error can be matched with its log line. */
  apiRequestId?: string;
}

/** What a protocol handler needs to check and answer a request. */
export interface ApiContext {
  /** Clock time in ms. */
  now: number;
  /** The SecretKey of a SecretId, or undefined if the SecretId is unknown. */
  secretKeyOf(secretId: string): string | undefined;
  tasks: TaskStore;
  /** Counts DescribeTaskList listings per instance. */
  listings: ListingCounter;
  /** The instances the task-starting calls act on. */
  instances: InstanceRegistry;
}

/** One API version: how to read a request's facts and how to answer it. */
export interface ApiProtocol {
  /** The task ID the request names, if it names one: read before any check, for the stats. */
  taskIdOf(req: ApiRequest): number | undefined;
  /** The action the request names, for the log. */
  actionOf(req: ApiRequest): string | undefined;
  /** Verifies and answers the request. */
  handle(req: ApiRequest, ctx: ApiContext): ApiAnswer;
  /** The rate-limit answer. */
  rateLimited(): ApiAnswer;
  /** The internal-error answer. */
  internalError(): ApiAnswer;
}

/** True when `a` and `b` are equal strings, compared in constant time (signatures). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A non-negative safe integer parsed from decimal text, or undefined. */
export function parseUInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}
