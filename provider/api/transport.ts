/**
 * The default HTTP transport: axios over keep-alive agents. axios is loaded on first use, not at
 * import, because the package entry must stay cheap to require (the provider host and the CLI
 * load it for every run).
 */
import type { Agent as HttpAgent } from "http";
import type { AxiosInstance } from "axios";
import type { HttpRequest, HttpResponse, Transport } from "./types";

let instance: AxiosInstance | undefined;

function client(): AxiosInstance {
  if (!instance) {
    // Loaded lazily: see the file comment.
    const axios: typeof import("axios").default = require("axios");
    const http: typeof import("http") = require("http");
    const https: typeof import("https") = require("https");
    // Keep-alive reuses one TLS connection across the polls of a whole deployment.
    const agentOptions = { keepAlive: true, maxSockets: 64 };
    instance = axios.create({
      httpAgent: new http.Agent(agentOptions) as HttpAgent,
      httpsAgent: new https.Agent(agentOptions),
      maxRedirects: 0,
      responseType: "text",
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      proxy: false,
    });
  }
  return instance;
}

/** A transport failure with Node's error code, as {@link Transport} promises. */
export class TransportFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "TransportFailure";
  }
}

/** Sends a request with axios; rejects with a {@link TransportFailure} when no HTTP answer arrives. */
export const axiosTransport: Transport = async (request: HttpRequest): Promise<HttpResponse> => {
  // axios' own timeout only covers an idle socket; this one bounds the whole exchange.
  const deadline = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
  try {
    const response = await client().request<string>({
      method: request.method,
      url: request.url,
      headers: request.headers,
      data: request.body,
      timeout: request.timeoutMs,
      signal,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers ?? {})) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
    return { status: response.status, headers, body: typeof response.data === "string" ? response.data : String(response.data ?? "") };
  } catch (error) {
    if (request.signal?.aborted) throw new TransportFailure("the request was aborted", "ABORTED");
    const code = (error as { code?: string }).code;
    const causeCode = ((error as { cause?: { code?: string } }).cause ?? {}).code;
    if (deadline.aborted || code === "ECONNABORTED" || code === "ETIMEDOUT") {
      throw new TransportFailure(`no answer within the per-request timeout of ${request.timeoutMs} ms`, "ETIMEDOUT");
    }
    const message = (error as Error).message || String(error);
    // axios reports a body cut short by a dropped connection as ERR_BAD_RESPONSE ("stream has been aborted").
    if (code === "ERR_BAD_RESPONSE" && /abort|terminat|reset|socket/i.test(message)) {
      throw new TransportFailure(`the connection was closed in the middle of the response (${message})`, "ECONNRESET");
    }
    throw new TransportFailure(message, causeCode ?? code ?? "EUNKNOWN");
  }
};
