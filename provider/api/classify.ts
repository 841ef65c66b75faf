/**
 * Which API errors are worth retrying and what to tell the user, per REFERENCE §1 (API 2.0
 * codes) and §2 (API 3.0 codes).
 */

/**
 * How long a wait keeps retrying an error that is probably permanent: nothing listens at the
 * endpoint, no such host, a 4xx page. Long enough to ride out an emulator, proxy or DNS restart;
 * short enough that a typo in the endpoint costs seconds rather than the wait's whole timeout.
 */
export const PROBABLY_PERMANENT_RETRY_MS = 20_000;

/** Node's codes for "nothing serves this endpoint": refused, and the two DNS failures. */
const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: "nothing answers at",
  ENOTFOUND: "no such host for",
  EAI_AGAIN: "the host name could not be resolved for",
};

/**
 * For a transport failure that says nothing serves the endpoint (`ECONNREFUSED`, `ENOTFOUND`,
 * `EAI_AGAIN`), what to call it (`nothing answers at`); undefined for other codes, which are
 * transient (resets, timeouts) and retried until the deadline.
 */
export function unreachableWording(code: string | undefined): string | undefined {
  return code === undefined ? undefined : UNREACHABLE_CODES[code];
}

/**
 * Node's codes for a TLS certificate that will not be accepted however often it is asked for:
 * what is wrong with it, in words. Trust is decided by the CAs this process trusts.
 */
const CERTIFICATE_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "is self-signed, not issued by a trusted certificate authority",
  SELF_SIGNED_CERT_IN_CHAIN: "chains to a self-signed certificate authority that is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "is issued by a certificate authority that is not trusted",
  UNABLE_TO_GET_ISSUER_CERT: "is issued by a certificate authority that is not trusted",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "is issued by a certificate authority that is not trusted",
  CERT_UNTRUSTED: "is not trusted",
  CERT_REJECTED: "is rejected",
  CERT_SIGNATURE_FAILURE: "has an invalid signature",
  CERT_HAS_EXPIRED: "has expired (or this machine's clock is wrong)",
  CERT_NOT_YET_VALID: "is not valid yet (or this machine's clock is wrong)",
  ERR_TLS_CERT_ALTNAME_INVALID: "does not name this host (a hostname mismatch)",
};

/** For a transport failure with Node's `code`, what is wrong with the server's certificate; undefined for other codes. */
export function certificateWording(code: string | undefined): string | undefined {
  return code === undefined ? undefined : CERTIFICATE_CODES[code];
}

/** True for a redirect (3xx), which the client does not follow: the endpoint is not the API's own URL. */
export function isRedirectStatus(status: number): boolean {
  return status >= 300 && status < 400;
}

/**
 * True for an HTTP status that says the request went to the wrong place or in the wrong form:
 * 4xx, except 408 (request timeout) and 429 (too many requests), which are worth retrying.
 */
export function isClientErrorStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** How a waiter should treat an API error code, and the advice for the user. */
export interface ErrorClass {
  retryable: boolean;
  /** Bounded retries for codes that are retryable only a few times. */
  maxConsecutiveRetries?: number;
  hint?: string;
}

const credentialsHint =
  "Check the secret id and key (stack config tencentcloud:secretId / tencentcloud:secretKey, or TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY)";
const clockHint =
  "The request timestamp was rejected: this machine's clock is more than 5 minutes off; synchronize it (NTP) and retry";
const requestIdHint = "Check the requestId: no such task in this region and account";
const permissionHint = "The credentials lack permission for redis:DescribeTaskInfo; grant it in CAM";
const endpointHint = "Check the endpoint and the API version (apiVersion v2 or v3)";
const retryHint = "Retried with backoff";

const v2Classes: Record<number, ErrorClass> = {
  4000: { retryable: false, hint: "The request had an invalid parameter; check the requestId and region" },
  4100: { retryable: false, hint: credentialsHint },
  4200: { retryable: false, hint: clockHint },
  4300: { retryable: false, hint: permissionHint },
  4400: { retryable: true, hint: "Request quota exceeded (rate limit); " + retryHint },
  // A replay is answered once more with a fresh Nonce, which every request has.
  4500: { retryable: true, maxConsecutiveRetries: 1, hint: "Replay detected (Nonce reused or Timestamp off by over 2 hours); check the clock" },
  4600: { retryable: false, hint: "The endpoint requires HTTPS; " + endpointHint.toLowerCase() },
  5000: { retryable: false, hint: requestIdHint },
  5100: { retryable: false, hint: "The operation failed on the service side" },
  6000: { retryable: true, hint: "Internal server error; " + retryHint },
  6100: { retryable: false, hint: endpointHint },
  6200: { retryable: true, hint: "API temporarily unavailable; " + retryHint },
  11201: { retryable: false, hint: requestIdHint },
};

/**
 * True for the codes that say the task does not exist in this region and account, in either
 * API version (5000 and 11201; `InvalidParameter*` and `ResourceNotFound*`).
 */
export function isUnknownTaskCode(code: number | string): boolean {
  const text = String(code);
  return text === "5000" || text === "11201" || text.startsWith("InvalidParameter") || text.startsWith("ResourceNotFound");
}

/** True for the API's rate-limit answer: 4400 (API 2.0) or `RequestLimitExceeded*` (API 3.0). */
export function isRateLimitCode(code: number | string | undefined): boolean {
  return code !== undefined && (String(code) === "4400" || String(code).startsWith("RequestLimitExceeded"));
}

/** The class of an API 2.0 numeric error code. */
export function classifyV2Code(code: number): ErrorClass {
  if (v2Classes[code]) return v2Classes[code];
  if (code > 4100 && code <= 4110) return { retryable: false, hint: permissionHint };
  return { retryable: false };
}

/** The class of an API 3.0 string error code. */
export function classifyV3Code(code: string): ErrorClass {
  if (code === "AuthFailure.SignatureExpire") return { retryable: false, hint: clockHint };
  if (code === "AuthFailure.UnauthorizedOperation" || code.startsWith("UnauthorizedOperation")) {
    return { retryable: false, hint: permissionHint };
  }
  if (code.startsWith("AuthFailure")) return { retryable: false, hint: credentialsHint };
  if (code.startsWith("RequestLimitExceeded")) return { retryable: true, hint: "Request limit exceeded; " + retryHint };
  if (code.startsWith("InternalError") || code.startsWith("ResourceUnavailable")) {
    return { retryable: true, hint: "Service error; " + retryHint };
  }
  if (code === "FailedOperation.SystemError") return { retryable: true, maxConsecutiveRetries: 3, hint: "System error; retried a few times" };
  if (isUnknownTaskCode(code) || code === "MissingParameter") {
    return { retryable: false, hint: requestIdHint };
  }
  if (code === "InvalidAction" || code === "NoSuchVersion" || code === "UnsupportedRegion" || code === "InvalidRegion") {
    return { retryable: false, hint: endpointHint + (code.endsWith("Region") ? "; and the region name" : "") };
  }
  return { retryable: false };
}
