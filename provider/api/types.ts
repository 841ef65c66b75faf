/** Types shared by the client, the waiter, the Pulumi surface and the CLI. */
import type { TaskStatusCode, TaskStatusText } from "./status";

/** Which protocol of the Redis API to call: `v2` (the seed page, default) or `v3` (TC3-HMAC-SHA256). */
export type ApiVersion = "v2" | "v3";

/** The normalized result of one DescribeTaskInfo call, the same shape for both API versions. */
export interface TaskRecord {
  /** The task ID (the API 2.0 `requestId`, the API 3.0 `TaskId`). */
  requestId: number;
  /** Task status: -1 error, 0 waiting, 1 executing, 2 succeeded, 3 failed. */
  status: TaskStatusCode;
  /** The readable name of `status`. */
  statusText: TaskStatusText;
  /** The API's result code: 0 on success (API 3.0 successes are reported as 0 too). */
  code: number;
  /** The API's `message` (empty on success). */
  message: string;
  /** The API's `codeDesc` (`Success` on success). */
  codeDesc: string;
  /** API 3.0 only: the `RequestId` of the API call, for Tencent support. */
  apiRequestId?: string;
  /** API 3.0 only: the kind of task, e.g. `FLOW_CREATE`. */
  taskType?: string;
  /** API 3.0 only: the Redis instance the task belongs to. */
  instanceId?: string;
  /** API 3.0 only: when the task started, as the API reports it (`yyyy-mm-dd hh:mm:ss`, Beijing time). */
  startTime?: string;
  /** API 3.0 only: the task's message, the failure text when it failed. */
  taskMessage?: string;
}

/** Credentials, region and endpoint for one call, after resolution (see `resolveClientSettings`). */
export interface ClientSettings {
  secretId: string;
  secretKey: string;
  /** Temporary-credential token (`Token` in API 2.0, `X-TC-Token` in API 3.0). */
  token?: string;
  region: string;
  /** Base URL replacing the public endpoint, e.g. the emulator's `http://127.0.0.1:43121`. */
  endpoint?: string;
  apiVersion: ApiVersion;
  /** API 2.0 signature method; default `HmacSHA256`. */
  signatureMethod?: SignatureMethod;
  /** Per-request timeout in milliseconds; default 10 000. */
  requestTimeoutMs?: number;
}

/** API 2.0 signature methods. */
export type SignatureMethod = "HmacSHA256" | "HmacSHA1";

/** One HTTP exchange, as the client builds it; the transport sends it. */
export interface HttpRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** What came back over HTTP. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends one HTTP request. Rejects only on transport failures (refused, reset, timeout),
 * with an Error whose `code` is Node's (`ECONNREFUSED`, `ECONNRESET`, `ETIMEDOUT` …).
 */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;
