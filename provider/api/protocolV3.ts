/**
 * API 3.0 calls: the TC3-signed POST of any action, its answer's envelope, and DescribeTaskInfo's
 * answer mapped onto API 2.0 codes.
 */
import { classifyV3Code } from "./classify";
import { TaskApiError, type CallSubject } from "./errors";
import { misdirectedRequest, otherProtocolAnswer } from "./endpointErrors";
import { isObject, quoteBody, tryParseJson } from "./responseText";
import { signTc3 } from "./signV3";
import { statusFromV3, statusText } from "./status";
import type { ClientSettings, HttpRequest, HttpResponse, TaskRecord } from "./types";

/** The public API 3.0 endpoint of the Redis service. */
export const V3_ENDPOINT = "https://redis.tencentcloudapi.com";
/** The Redis API version DescribeTaskInfo belongs to. */
export const V3_VERSION = "2018-04-12";
/** The service name in the TC3 credential scope; fixed, so private endpoints sign the same. */
export const V3_SERVICE = "redis";
const CONTENT_TYPE = "application/json; charset=utf-8";

/** Builds the signed `POST /` request of `action` with the JSON `payload`. */
export function buildV3ActionRequest(action: string, payload: Record<string, unknown>, settings: ClientSettings, nowMs: number): HttpRequest {
  const base = new URL(settings.endpoint ?? V3_ENDPOINT);
  const timestamp = Math.floor(nowMs / 1000);
  const body = JSON.stringify(payload);
  const { authorization } = signTc3({
    secretId: settings.secretId,
    secretKey: settings.secretKey,
    service: V3_SERVICE,
    host: base.host,
    timestamp,
    contentType: CONTENT_TYPE,
    body,
  });
  const headers: Record<string, string> = {
    Authorization: authorization,
    "Content-Type": CONTENT_TYPE,
    Host: base.host,
    "X-TC-Action": action,
    "X-TC-Version": V3_VERSION,
    "X-TC-Timestamp": String(timestamp),
    "X-TC-Region": settings.region,
  };
  if (settings.token) headers["X-TC-Token"] = settings.token;
  return { method: "POST", url: `${base.origin}${base.pathname.replace(/\/+$/, "")}/`, headers, body, timeoutMs: settings.requestTimeoutMs ?? 10_000 };
}

/** Builds the signed DescribeTaskInfo request with `{"TaskId": N}`. */
export function buildV3Request(requestId: number, settings: ClientSettings, nowMs: number): HttpRequest {
  return buildV3ActionRequest("DescribeTaskInfo", { TaskId: requestId }, settings, nowMs);
}

/** A successful API 3.0 answer: its `Response` object, and a way to fail on its content. */
export interface V3Answer {
  answer: Record<string, unknown>;
  apiRequestId?: string;
  /** A retryable `malformed` error about this answer, naming what came back. */
  malformed(apiMessage: string): TaskApiError;
}

/**
 * Reads the envelope of an API 3.0 answer to a call about `subject`: returns the `Response` of a
 * success, throws a {@link TaskApiError} for an API error or anything that is not an API 3.0 answer.
 */
export function readV3Answer(subject: CallSubject, response: HttpResponse, endpoint = V3_ENDPOINT): V3Answer {
  const action = subject.action ?? "DescribeTaskInfo";
  const fail = (apiMessage: string, apiRequestId?: string) =>
    new TaskApiError({
      kind: "malformed",
      ...subject,
      apiVersion: "v3",
      httpStatus: response.status,
      apiMessage,
      apiRequestId,
      retryable: true,
      ...misdirectedRequest(response.status, endpoint, "v3", action),
    });
  const body = tryParseJson(response.body);
  const answer = isObject(body) ? body.Response : undefined;
  if (!isObject(answer)) {
    const otherProtocol = otherProtocolAnswer(subject, "v3", response, body, endpoint);
    if (otherProtocol) throw otherProtocol;
    throw fail(body === undefined ? `a body that is not JSON: ${quoteBody(response.body)}` : `JSON without "Response": ${quoteBody(response.body)}`);
  }
  const apiRequestId = typeof answer.RequestId === "string" ? answer.RequestId : undefined;
  if (isObject(answer.Error)) {
    const code = String(answer.Error.Code ?? "UnknownError");
    throw new TaskApiError({
      kind: "api",
      ...subject,
      apiVersion: "v3",
      code,
      apiMessage: typeof answer.Error.Message === "string" ? answer.Error.Message : undefined,
      httpStatus: response.status,
      apiRequestId,
      ...classifyV3Code(code),
    });
  }
  return { answer, apiRequestId, malformed: (apiMessage) => fail(apiMessage, apiRequestId) };
}

/**
 * Reads an API 3.0 answer into a record, or throws a {@link TaskApiError} naming the task and what
 * came back; `endpoint` (the base URL called) is named when the answer says it is the wrong one.
 */
export function parseV3Response(requestId: number, response: HttpResponse, endpoint = V3_ENDPOINT): TaskRecord {
  const { answer, apiRequestId, malformed } = readV3Answer({ requestId }, response, endpoint);
  if (answer.Status === undefined) throw malformed(`JSON without Response.Status: ${quoteBody(response.body)}`);
  const status = statusFromV3(answer.Status);
  if (status === undefined) {
    throw malformed(`Status ${JSON.stringify(answer.Status)}, not one of preparing, running, succeed, failed, error`);
  }
  const text = (field: string): string | undefined => (typeof answer[field] === "string" ? (answer[field] as string) : undefined);
  return {
    requestId,
    status,
    statusText: statusText(status),
    code: 0,
    message: "",
    codeDesc: "Success",
    apiRequestId,
    taskType: text("TaskType"),
    instanceId: text("InstanceId"),
    startTime: text("StartTime"),
    taskMessage: text("TaskMessage"),
  };
}
