/** DescribeTaskInfo over API 2.0 (the seed page): building the signed GET and reading the answer. */
import { classifyV2Code } from "./classify";
import { TaskApiError } from "./errors";
import { misdirectedRequest, otherProtocolAnswer } from "./endpointErrors";
import { hasIntegerCode, isObject, quoteBody, tryParseJson } from "./responseText";
import { signV2, V2_PATH, v2StringToSign } from "./signV2";
import { isTaskStatusCode, statusText, type TaskStatusCode } from "./status";
import type { ClientSettings, HttpRequest, HttpResponse, TaskRecord } from "./types";

/** The public API 2.0 endpoint of the Redis service. */
export const V2_ENDPOINT = "https://redis.api.qcloud.com";

/** Builds the signed `GET /v2/index.php?Action=DescribeTaskInfo&…&requestId=N` request. */
export function buildV2Request(requestId: number, settings: ClientSettings, nowMs: number, nonce: number): HttpRequest {
  const base = new URL(settings.endpoint ?? V2_ENDPOINT);
  const params: Record<string, string> = {
    Action: "DescribeTaskInfo",
    Region: settings.region,
    Timestamp: String(Math.floor(nowMs / 1000)),
    Nonce: String(nonce),
    SecretId: settings.secretId,
    SignatureMethod: settings.signatureMethod ?? "HmacSHA256",
    requestId: String(requestId),
  };
  if (settings.token) params.Token = settings.token;
  params.Signature = signV2(settings.secretKey, v2StringToSign("GET", base.host, params), settings.signatureMethod);
  const query = Object.entries(params)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join("&");
  return {
    method: "GET",
    url: `${base.origin}${base.pathname.replace(/\/+$/, "")}${V2_PATH}?${query}`,
    headers: { Accept: "application/json" },
    timeoutMs: settings.requestTimeoutMs ?? 10_000,
  };
}

/**
 * Reads an API 2.0 answer into a record, or throws a {@link TaskApiError} naming the task and what
 * came back; `endpoint` (the base URL called) is named when the answer says it is the wrong one.
 */
export function parseV2Response(requestId: number, response: HttpResponse, endpoint = V2_ENDPOINT): TaskRecord {
  const fail = (apiMessage: string, retryable: boolean) =>
    new TaskApiError({
      kind: "malformed",
      requestId,
      apiVersion: "v2",
      httpStatus: response.status,
      apiMessage,
      retryable,
      ...(retryable ? misdirectedRequest(response.status, endpoint, "v2") : undefined),
    });
  const body = tryParseJson(response.body);
  if (!isObject(body) || !hasIntegerCode(body)) {
    const otherProtocol = otherProtocolAnswer({ requestId }, "v2", response, body, endpoint);
    if (otherProtocol) throw otherProtocol;
    const what = body === undefined ? `a body that is not JSON: ${quoteBody(response.body)}` : `JSON without an integer "code": ${quoteBody(response.body)}`;
    // An unreadable answer is most often a proxy or gateway error page: worth another try.
    throw fail(what, true);
  }
  const code = Number(body.code);
  if (code !== 0) {
    throw new TaskApiError({
      kind: "api",
      requestId,
      apiVersion: "v2",
      code,
      apiMessage: typeof body.message === "string" ? body.message : undefined,
      codeDesc: typeof body.codeDesc === "string" ? body.codeDesc : undefined,
      httpStatus: response.status,
      ...classifyV2Code(code),
    });
  }
  // The page's table calls data an "Array" while its examples show an object: both are answers.
  const data = Array.isArray(body.data) && body.data.length === 1 ? body.data[0] : body.data;
  if (!isObject(data) || data.status === undefined) {
    throw fail(`JSON without data.status: ${quoteBody(response.body)}`, true);
  }
  const status = statusCodeOf(data.status);
  if (status === undefined) {
    throw fail(`status ${JSON.stringify(data.status)}, not one of -1, 0, 1, 2, 3`, true);
  }
  return {
    requestId,
    status,
    statusText: statusText(status),
    code: 0,
    message: typeof body.message === "string" ? body.message : "",
    codeDesc: typeof body.codeDesc === "string" ? body.codeDesc : "Success",
  };
}

/** A status as the API may send it: a code, or the same code as a numeric string (`"2"`). */
function statusCodeOf(value: unknown): TaskStatusCode | undefined {
  const number = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  return isTaskStatusCode(number) ? number : undefined;
}
