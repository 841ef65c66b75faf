/** Sending one signed request, as every API call does: transport failures become typed errors. */
import { TaskApiError, type CallSubject } from "./errors";
import { redirectAnswer, rejectedCertificate, unreachableEndpoint } from "./endpointErrors";
import { V2_ENDPOINT } from "./protocolV2";
import { V3_ENDPOINT } from "./protocolV3";
import { axiosTransport } from "./transport";
import type { ClientSettings, HttpRequest, HttpResponse, Transport } from "./types";

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
 * Sends `request` about `subject`; a transport failure (refused, reset, timeout, abort, a
 * certificate not accepted) rejects with a {@link TaskApiError} of kind `transport` that names the
 * endpoint, and a redirect (not followed) with a permanent one.
 */
export async function sendRequest(request: HttpRequest, subject: CallSubject, settings: ClientSettings, options: CallOptions): Promise<HttpResponse> {
  const response = await send(request, subject, settings, options);
  const redirect = redirectAnswer(subject, settings.apiVersion, response, endpointOf(settings));
  if (redirect) throw redirect;
  return response;
}

async function send(request: HttpRequest, subject: CallSubject, settings: ClientSettings, options: CallOptions): Promise<HttpResponse> {
  request.signal = options.signal;
  const endpoint = endpointOf(settings);
  try {
    return await (options.transport ?? axiosTransport)(request);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new TaskApiError({
      kind: "transport",
      ...subject,
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
}
