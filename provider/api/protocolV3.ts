/** DescribeTaskInfo over API 3.0: the TC3-signed POST and its answer, mapped onto API 2.0 codes. */
import { classifyV3Code } from "./classify";
import { TaskApiError } from "./errors";
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

/** Builds the signed `POST /` request with `{"TaskId": N}`. */
export function buildV3Request(requestId: number, settings: ClientSettings, nowMs: number): HttpRequest {
  const base = new URL(settings.endpoint ?? V3_ENDPOINT);
  const timestamp = Math.floor(nowMs / 1000);
  const body = JSON.stringify({ TaskId: requestId });
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
    "X-TC-Action": "DescribeTaskInfo",
    "X-TC-Version": V3_VERSION,
    "X-TC-Timestamp": String(timestamp),
    "X-TC-Region": settings.region,
  };
  if (settings.token) headers["X-TC-Token"] = settings.token;
  return { method: "POST", url: `${base.origin}${base.pathname.replace(/\/+$/, "")}/`, headers, body, timeoutMs: settings.requestTimeoutMs ?? 10_000 };
}

/**
 * Reads an API 3.0 answer into a record, or throws a {@link TaskApiError} naming the task and what
 * came back; `endpoint` (the base URL called) is named when the answer says it is the wrong one.
 */
export function parseV3Response(requestId: number, response: HttpResponse, endpoint = V3_ENDPOINT): TaskRecord {
  const fail = (apiMessage: string, apiRequestId?: string) =>
    new TaskApiError({
      kind: "malformed",
      requestId,
      apiVersion: "v3",
      httpStatus: response.status,
      apiMessage,
      apiRequestId,
      retryable: true,
      ...misdirectedRequest(response.status, endpoint, "v3"),
    });
  const body = tryParseJson(response.body);
  const answer = isObject(body) ? body.Response : undefined;
  if (!isObject(answer)) {
    const otherProtocol = otherProtocolAnswer(requestId, "v3", response, body, endpoint);
    if (otherProtocol) throw otherProtocol;
    throw fail(body === undefined ? `a body that is not JSON: ${quoteBody(response.body)}` : `JSON without "Response": ${quoteBody(response.body)}`);
  }
  const apiRequestId = typeof answer.RequestId === "string" ? answer.RequestId : undefined;
  if (isObject(answer.Error)) {
    const code = String(answer.Error.Code ?? "UnknownError");
    throw new TaskApiError({
      kind: "api",
      requestId,
      apiVersion: "v3",
      code,
      apiMessage: typeof answer.Error.Message === "string" ? answer.Error.Message : undefined,
      httpStatus: response.status,
      apiRequestId,
      ...classifyV3Code(code),
    });
  }
  if (answer.Status === undefined) throw fail(`JSON without Response.Status: ${quoteBody(response.body)}`, apiRequestId);
  const status = statusFromV3(answer.Status);
  if (status === undefined) {
    throw fail(`Status ${JSON.stringify(answer.Status)}, not one of preparing, running, succeed, failed, error`, apiRequestId);
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
