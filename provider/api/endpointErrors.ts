/**
 * Failures that say a request went to the wrong place rather than that the service had a bad
 * moment: nothing listening, no such host, a 4xx page, an answer in the other API version's form,
 * a redirect, a certificate this process does not accept.
 * Their messages name the endpoint and the API version, since those are what the user must fix,
 * and a wait retries them only briefly (see `PROBABLY_PERMANENT_RETRY_MS`) or not at all.
 */
import { CA_BUNDLE_ENV, CA_BUNDLE_UNREADABLE } from "./caBundle";
import { certificateWording, isClientErrorStatus, isRedirectStatus, PROBABLY_PERMANENT_RETRY_MS, unreachableWording } from "./classify";
import { TaskApiError, type CallSubject } from "./errors";
import { hasIntegerCode, isObject, quoteBody } from "./responseText";
import type { ApiVersion, HttpResponse } from "./types";

/** What a probably-permanent failure adds to its error: the advice and how long a wait retries it. */
export interface ProbablyPermanent {
  hint: string;
  retryForMs: number;
}

const API_NAME: Record<ApiVersion, string> = { v2: "API 2.0", v3: "API 3.0" };

const where = (endpoint: string, apiVersion: ApiVersion) => `${endpoint} (apiVersion ${apiVersion})`;

const givesUp = `a wait retries this for ${PROBABLY_PERMANENT_RETRY_MS / 1000}s, then gives up`;

/**
 * For a transport failure with Node's `code`: the advice and retry window when it says nothing
 * serves the endpoint (refused, DNS); undefined for transient failures (resets, timeouts).
 */
export function unreachableEndpoint(code: string | undefined, endpoint: string, apiVersion: ApiVersion): ProbablyPermanent | undefined {
  const wording = unreachableWording(code);
  if (!wording) return undefined;
  return { hint: `Check the endpoint and the network: ${wording} ${where(endpoint, apiVersion)}; ${givesUp}`, retryForMs: PROBABLY_PERMANENT_RETRY_MS };
}

/**
 * For an answer that is not a DescribeTaskInfo answer: the advice and retry window when its HTTP
 * status is a 4xx (a wrong path or protocol); undefined otherwise (5xx pages and garbled bodies
 * from a working endpoint are retried until the deadline).
 */
export function misdirectedRequest(httpStatus: number, endpoint: string, apiVersion: ApiVersion, action = "DescribeTaskInfo"): ProbablyPermanent | undefined {
  if (!isClientErrorStatus(httpStatus)) return undefined;
  return {
    hint: `${where(endpoint, apiVersion)} answered HTTP ${httpStatus}, which is no ${action} answer: check the endpoint and apiVersion; ${givesUp}`,
    retryForMs: PROBABLY_PERMANENT_RETRY_MS,
  };
}

/**
 * A permanent error when `body` has the form of the other API version's answers (an API 3.0
 * `Response` object to an API 2.0 request, or an API 2.0 integer `code` to an API 3.0 one): the
 * endpoint speaks the other protocol, and asking again will not change that. Undefined otherwise.
 */
export function otherProtocolAnswer(
  subject: CallSubject,
  apiVersion: ApiVersion,
  response: HttpResponse,
  body: unknown,
  endpoint: string,
): TaskApiError | undefined {
  const other: ApiVersion = apiVersion === "v2" ? "v3" : "v2";
  const looksOther = apiVersion === "v2" ? isObject(body) && isObject(body.Response) : isObject(body) && body.Response === undefined && hasIntegerCode(body);
  if (!looksOther) return undefined;
  return new TaskApiError({
    kind: "malformed",
    ...subject,
    apiVersion,
    httpStatus: response.status,
    apiMessage: `an ${API_NAME[other]} answer to an ${API_NAME[apiVersion]} request: ${quoteBody(response.body)}`,
    retryable: false,
    hint: `${where(endpoint, apiVersion)} speaks ${API_NAME[other]}: set apiVersion "${other}", or use an ${API_NAME[apiVersion]} endpoint`,
  });
}

/** What a failure that never heals adds to its error: not retryable, and the advice. */
export interface Permanent {
  retryable: false;
  hint: string;
}

/**
 * For a transport failure with Node's `code`: permanent when the server's certificate is not
 * accepted (untrusted, expired, for another host) or the CA bundle cannot be read, since asking
 * again gets the same certificate; undefined for other codes.
 */
export function rejectedCertificate(code: string | undefined, endpoint: string, apiVersion: ApiVersion): Permanent | undefined {
  if (code === CA_BUNDLE_UNREADABLE) return { retryable: false, hint: `Fix ${CA_BUNDLE_ENV} or unset it` };
  const wording = certificateWording(code);
  if (!wording) return undefined;
  return {
    retryable: false,
    hint:
      `The TLS certificate of ${where(endpoint, apiVersion)} ${wording}; retrying cannot help. ` +
      `If the endpoint (or a TLS-inspecting proxy) uses a private certificate authority, set ${CA_BUNDLE_ENV} (or NODE_EXTRA_CA_CERTS) ` +
      "to a PEM file of that CA; otherwise check the endpoint's host name",
  };
}

/**
 * A permanent error for a redirect (3xx): the client does not follow redirects, which would
 * re-send signed requests to a host the user never named; the endpoint to set is the final URL.
 */
export function redirectAnswer(subject: CallSubject, apiVersion: ApiVersion, response: HttpResponse, endpoint: string): TaskApiError | undefined {
  if (!isRedirectStatus(response.status)) return undefined;
  const location = response.headers.location;
  return new TaskApiError({
    kind: "malformed",
    ...subject,
    apiVersion,
    httpStatus: response.status,
    apiMessage: `a redirect${location ? ` to ${location}` : " without a Location"}`,
    retryable: false,
    hint: `${where(endpoint, apiVersion)} redirects, and redirects are not followed (signed requests go only where configured): set the endpoint to the API's own URL${location ? ` (where it points: ${new URL(location, endpoint).origin})` : ""}`,
  });
}
