/**
 * API 2.0 (`/v2/index.php`, the seed page): common parameters in the query (GET) or a form
 * body (POST), checked in the service's order: presence, SecretId, Timestamp, Signature, then
 * Action and `requestId`.
 */
import { signV2, v2StringToSign } from "../api/signV2";
import type { SignatureMethod } from "../api/types";
import { type ApiAnswer, type ApiContext, type ApiProtocol, type ApiRequest, MAX_TIMESTAMP_SKEW_SECONDS, parseUInt, safeEqual } from "./protocol";

const requiredParams = ["Action", "Region", "Timestamp", "Nonce", "SecretId", "Signature"];

function paramsOf(req: ApiRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(req.method === "POST" ? req.body : req.query));
}

function error(code: number, codeDesc: string, message: string): ApiAnswer {
  return { body: { code, message, codeDesc }, result: `${code} ${codeDesc}` };
}

function answer(req: ApiRequest, ctx: ApiContext): ApiAnswer {
  const params = paramsOf(req);
  const missing = requiredParams.find((name) => !params[name]);
  if (missing) return error(4000, "MissingParameter", `The common parameter ${missing} is missing`);

  const secretKey = ctx.secretKeyOf(params.SecretId);
  if (secretKey === undefined) return error(4100, "AuthFailure.SecretIdNotFound", "The SecretId is not found; check that it exists and is enabled");

  const timestamp = /^\d+$/.test(params.Timestamp) ? Number(params.Timestamp) : NaN;
  if (!Number.isFinite(timestamp)) return error(4000, "InvalidParameter", "Timestamp must be unix seconds");
  if (Math.abs(ctx.now / 1000 - timestamp) > MAX_TIMESTAMP_SKEW_SECONDS) {
    return error(4200, "AuthFailure.SignatureExpire", "The request has expired: Timestamp is more than 5 minutes from the server time");
  }

  // The service uses HmacSHA1 for anything but HmacSHA256, an absent SignatureMethod included
  // (signV2's own default is SHA-256, so the choice is made here).
  const signatureMethod: SignatureMethod = params.SignatureMethod === "HmacSHA256" ? "HmacSHA256" : "HmacSHA1";
  const method = req.method === "POST" ? "POST" : "GET";
  const expected = signV2(secretKey, v2StringToSign(method, req.headers.host ?? "", params), signatureMethod);
  if (!safeEqual(expected, params.Signature)) {
    return error(4100, "AuthFailure.SignatureFailure", "The signature does not match; check the SecretKey and the signing steps");
  }

  if (params.Action !== "DescribeTaskInfo") return error(4000, "InvalidAction", `The Action ${params.Action} is not supported`);
  const requestId = parseUInt(params.requestId);
  if (requestId === undefined) {
    return error(4000, "InvalidParameter", "requestId is missing or is not a non-negative integer task ID");
  }
  const view = ctx.tasks.query(requestId, ctx.now);
  if (!view) return error(11201, "InvalidParameter", `Incorrect business parameter: task ${requestId} not found`);
  return { body: { code: 0, message: "", codeDesc: "Success", data: { status: view.status } }, result: "0 Success" };
}

/** The API 2.0 protocol. */
export const v2Protocol: ApiProtocol = {
  taskIdOf: (req) => parseUInt(paramsOf(req).requestId),
  actionOf: (req) => paramsOf(req).Action,
  handle: answer,
  rateLimited: () => error(4400, "RequestLimitExceeded", "Request quota exceeded; slow down and retry"),
  internalError: () => error(6000, "InternalError", "Internal server error; retry later"),
};
