/** One DescribeTaskInfo call over either API version, with transport failures made typed errors. */
import { randomInt } from "crypto";
import { TaskApiError } from "./errors";
import { redirectAnswer, rejectedCertificate, unreachableEndpoint } from "./endpointErrors";
import { buildV2Request, parseV2Response, V2_ENDPOINT } from "./protocolV2";
import { buildV3Request, parseV3Response, V3_ENDPOINT } from "./protocolV3";
import { axiosTransport } from "./transport";
import type { ClientSettings, TaskRecord, Transport } from "./types";

/** What a call may be given besides the settings; every field has a production default. */
export interface CallOptions {
  /** Sends the HTTP request; default: axios with keep-alive. */
  transport?: Transport;
  /** Current time in ms, for the signed timestamp; default `Date.now`. */
  now?: () => number;
  /** A random positive integer per request, the API 2.0 `Nonce`. */
  nonce?: () => number;
  signal?: AbortSignal;
}

/** The base URL a call with `settings` goes to: the configured endpoint, else the version's public one. */
export function endpointOf(settings: Pick<ClientSettings, "endpoint" | "apiVersion">): string {
  return settings.endpoint ?? (settings.apiVersion === "v3" ? V3_ENDPOINT : V2_ENDPOINT);
}

/**
 * Queries one task with DescribeTaskInfo and returns its normalized record. Throws a
 * {@link TaskApiError} for API errors, transport failures and malformed answers; its
 * `retryable` flag says whether trying again may help.
 */
export async function describeTaskInfo(requestId: number, settings: ClientSettings, options: CallOptions = {}): Promise<TaskRecord> {
  const now = (options.now ?? Date.now)();
  const request =
    settings.apiVersion === "v3"
      ? buildV3Request(requestId, settings, now)
      : buildV2Request(requestId, settings, now, (options.nonce ?? (() => randomInt(1, 2 ** 31 - 1)))());
  request.signal = options.signal;
  const endpoint = endpointOf(settings);
  let response;
  try {
    response = await (options.transport ?? axiosTransport)(request);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new TaskApiError({
      kind: "transport",
      requestId,
      apiVersion: settings.apiVersion,
      code,
      apiMessage: `${(error as Error).message} (${new URL(request.url).origin})`,
      retryable: code !== "ABORTED",
      hint: code === "ABORTED" ? undefined : "Check the endpoint and the network (a wait retries this until its timeout)",
      // Refused and DNS failures: retried briefly, then the wait gives up naming the endpoint.
      ...unreachableEndpoint(code, endpoint, settings.apiVersion),
      // A certificate that is not accepted: not retried at all.
      ...rejectedCertificate(code, endpoint, settings.apiVersion),
      cause: error,
    });
  }
  const redirect = redirectAnswer(requestId, settings.apiVersion, response, endpoint);
  if (redirect) throw redirect;
  return settings.apiVersion === "v3" ? parseV3Response(requestId, response, endpoint) : parseV2Response(requestId, response, endpoint);
}
