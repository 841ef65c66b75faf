/**
 * The one error type of the client: every failure of a DescribeTaskInfo or DescribeTaskList call, whether the API
 * answered with an error code, the transport failed, or the answer made no sense.
 */
import type { ApiVersion } from "./types";

/** Where the failure came from. */
export type TaskApiErrorKind =
  /** The API answered with an error code. */
  | "api"
  /** No usable HTTP answer: refused, reset, timed out, aborted. */
  | "transport"
  /** An answer came, but not a DescribeTaskInfo answer (HTML page, non-JSON, no status …). */
  | "malformed"
  /** Credentials or region are missing, so no request was sent. */
  | "credentials";

/** The fields of a {@link TaskApiError}. */
export interface TaskApiErrorDetails {
  kind: TaskApiErrorKind;
  /** The action called; default `DescribeTaskInfo`. */
  action?: string;
  /** The task the call was about. */
  requestId?: number;
  /** The Redis instance the call was about (DescribeTaskList). */
  instanceId?: string;
  apiVersion?: ApiVersion;
  /** API 2.0 numeric code (e.g. 4100) or API 3.0 string code (e.g. `AuthFailure.SignatureFailure`); for transport failures Node's code (`ECONNRESET`). */
  code?: number | string;
  /** The API's message, or a description of what came back. */
  apiMessage?: string;
  /** API 2.0 `codeDesc`. */
  codeDesc?: string;
  httpStatus?: number;
  /** API 3.0 `RequestId` of the failed call. */
  apiRequestId?: string;
  /** True when trying again later may succeed (rate limit, server error, transport failure). */
  retryable: boolean;
  /**
   * For retryable errors that deserve only a few tries (`FailedOperation.SystemError`): how many
   * times in a row a waiter may retry before giving up. Undefined: retry until the deadline.
   */
  maxConsecutiveRetries?: number;
  /**
   * For retryable errors that are probably permanent (nothing listens at the endpoint, no such
   * host, a 4xx page): how long a waiter may keep retrying a streak of them before giving up.
   * Undefined: retry until the deadline.
   */
  retryForMs?: number;
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
}

/** What a call was about, as errors name it: the action and the task or the instance. */
export type CallSubject = Pick<TaskApiErrorDetails, "action" | "requestId" | "instanceId">;

/**
 * A failed DescribeTaskInfo call. `message` names the task, the code and what came back, and
 * ends with what to do next; the fields carry the same facts for programs.
 */
export class TaskApiError extends Error {
  readonly kind: TaskApiErrorKind;
  readonly action?: string;
  readonly requestId?: number;
  readonly instanceId?: string;
  readonly apiVersion?: ApiVersion;
  readonly code?: number | string;
  readonly apiMessage?: string;
  readonly codeDesc?: string;
  readonly httpStatus?: number;
  readonly apiRequestId?: string;
  readonly retryable: boolean;
  readonly maxConsecutiveRetries?: number;
  readonly retryForMs?: number;
  readonly hint?: string;

  constructor(details: TaskApiErrorDetails) {
    super(describe(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "TaskApiError";
    this.kind = details.kind;
    this.action = details.action;
    this.requestId = details.requestId;
    this.instanceId = details.instanceId;
    this.apiVersion = details.apiVersion;
    this.code = details.code;
    this.apiMessage = details.apiMessage;
    this.codeDesc = details.codeDesc;
    this.httpStatus = details.httpStatus;
    this.apiRequestId = details.apiRequestId;
    this.retryable = details.retryable;
    this.maxConsecutiveRetries = details.maxConsecutiveRetries;
    this.retryForMs = details.retryForMs;
    this.hint = details.hint;
  }
}

function describe(d: TaskApiErrorDetails): string {
  const action = d.action ?? "DescribeTaskInfo";
  const about = d.requestId !== undefined ? ` for Redis task ${d.requestId}` : d.instanceId !== undefined ? ` for Redis instance ${d.instanceId}` : "";
  const subject = action + about;
  const parts: string[] = [];
  if (d.kind === "api") {
    const desc = d.codeDesc && d.codeDesc !== String(d.code) ? ` (${d.codeDesc})` : "";
    parts.push(`${subject} failed: API error ${d.code}${desc}${d.apiMessage ? `: ${d.apiMessage}` : ""}`);
  } else if (d.kind === "transport") {
    parts.push(`${subject} failed: ${d.apiMessage ?? "transport error"}${d.code ? ` [${d.code}]` : ""}`);
  } else if (d.kind === "malformed") {
    const http = d.httpStatus === undefined ? "" : `HTTP ${d.httpStatus}, `;
    parts.push(`${subject} failed: unexpected response (${http}${d.apiMessage ?? "unreadable"})`);
  } else {
    parts.push(d.apiMessage ?? "Tencent Cloud credentials are missing");
  }
  if (d.apiRequestId) parts.push(`API RequestId ${d.apiRequestId}`);
  if (d.hint) parts.push(d.hint);
  return parts.join(". ") + (parts[parts.length - 1].endsWith(".") ? "" : ".");
}

/** Input that cannot be used (a bad requestId, duration, endpoint …); names the field and the expected form. */
export class InputError extends Error {
  constructor(
    /** The field at fault, e.g. `requestId`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}
