/**
 * Builds and sends signed DescribeTaskInfo requests to an emulator with the project's own
 * signers, the way a client would, plus knobs to spoil one thing at a time.
 */
import { V2_PATH, signV2, v2StringToSign } from "../../provider/api/signV2";
import { signTc3 } from "../../provider/api/signV3";
import type { SignatureMethod } from "../../provider/api/types";
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY } from "../../provider/emulator";

/** A parsed answer; `json` is undefined when the body is not JSON. */
export interface Reply {
  status: number;
  contentType: string;
  text: string;
  // Tests assert on arbitrary answer shapes; typing each would only restate the assertions.
  json: any;
}

/** The JSON body of a response, loosely typed for assertions. */
export async function jsonOf(response: Response): Promise<any> {
  return response.json();
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text, json };
}

/** Options of an API 2.0 call; `params` values of `undefined` remove a parameter. */
export interface V2Options {
  method?: "GET" | "POST";
  requestId?: number | string;
  params?: Record<string, string | undefined>;
  /** Applied after signing, to tamper with a signed request. */
  after?: Record<string, string | undefined>;
  secretId?: string;
  secretKey?: string;
  /** Unix seconds; default: from the clock given to the builder. */
  timestamp?: number;
  signatureMethod?: SignatureMethod;
  /** Host to sign for instead of the emulator's. */
  signHost?: string;
  /** Method to send with, when it should differ from the signed one. */
  sendAs?: "GET" | "POST";
}

function apply(target: Record<string, string>, changes: Record<string, string | undefined> = {}): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete target[key];
    else target[key] = value;
  }
}

/** The signed parameters of an API 2.0 call. */
export function signedV2Params(baseUrl: string, nowMs: number, options: V2Options = {}): Record<string, string> {
  const method = options.method ?? "GET";
  const params: Record<string, string> = {
    Action: "DescribeTaskInfo",
    Region: "ap-guangzhou",
    Timestamp: String(options.timestamp ?? Math.floor(nowMs / 1000)),
    Nonce: String(1 + Math.floor(Math.random() * 1e9)),
    SecretId: options.secretId ?? DEFAULT_EMULATOR_SECRET_ID,
    SignatureMethod: options.signatureMethod ?? "HmacSHA256",
    requestId: String(options.requestId ?? 11963),
  };
  apply(params, options.params);
  const host = options.signHost ?? new URL(baseUrl).host;
  params.Signature = signV2(options.secretKey ?? DEFAULT_EMULATOR_SECRET_KEY, v2StringToSign(method, host, params), (params.SignatureMethod as SignatureMethod) ?? "HmacSHA1");
  apply(params, options.after);
  return params;
}

/** Sends an API 2.0 call (GET query or POST form). */
export async function callV2(baseUrl: string, nowMs: number, options: V2Options = {}): Promise<Reply> {
  const query = new URLSearchParams(signedV2Params(baseUrl, nowMs, options)).toString();
  if ((options.sendAs ?? options.method ?? "GET") === "GET") return reply(await fetch(`${baseUrl}${V2_PATH}?${query}`));
  return reply(
    await fetch(`${baseUrl}${V2_PATH}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: query,
    }),
  );
}

/** Options of an API 3.0 call; `headers` values of `undefined` remove a header. */
export interface V3Options {
  taskId?: unknown;
  /** Raw body instead of `{"TaskId": taskId}`. */
  body?: string;
  /** Body sent instead of the signed one. */
  sentBody?: string;
  headers?: Record<string, string | undefined>;
  secretId?: string;
  secretKey?: string;
  timestamp?: number;
  contentType?: string;
  /** Content-Type sent instead of the signed one. */
  sentContentType?: string;
  signHost?: string;
  token?: string;
  /** Credential-scope service; default `redis`. */
  service?: string;
  /** `X-TC-Action`; default `DescribeTaskInfo`. */
  action?: string;
}

/** Sends an API 3.0 call signed with TC3-HMAC-SHA256. */
export async function callV3(baseUrl: string, nowMs: number, options: V3Options = {}): Promise<Reply> {
  const timestamp = options.timestamp ?? Math.floor(nowMs / 1000);
  const contentType = options.contentType ?? "application/json; charset=utf-8";
  const body = options.body ?? JSON.stringify({ TaskId: options.taskId ?? 11963 });
  const { authorization } = signTc3({
    secretId: options.secretId ?? DEFAULT_EMULATOR_SECRET_ID,
    secretKey: options.secretKey ?? DEFAULT_EMULATOR_SECRET_KEY,
    service: options.service ?? "redis",
    host: options.signHost ?? new URL(baseUrl).host,
    timestamp,
    contentType,
    body,
  });
  const headers: Record<string, string> = {
    "Content-Type": options.sentContentType ?? contentType,
    Authorization: authorization,
    "X-TC-Action": options.action ?? "DescribeTaskInfo",
    "X-TC-Version": "2018-04-12",
    "X-TC-Timestamp": String(timestamp),
    "X-TC-Region": "ap-guangzhou",
  };
  if (options.token) headers["X-TC-Token"] = options.token;
  apply(headers, options.headers);
  return reply(await fetch(`${baseUrl}/`, { method: "POST", headers, body: options.sentBody ?? body }));
}

/** A controllable clock for an emulator: tests move time instead of sleeping. */
export function virtualClock(startMs = Date.parse("2024-05-01T08:00:00Z")): { now: () => number; advance(ms: number): void; set(ms: number): void } {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}

/** API 3.0 RequestIds are UUIDs. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
