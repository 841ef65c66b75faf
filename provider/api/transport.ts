/**
 * The default HTTP transport: axios over keep-alive agents, honouring `HTTPS_PROXY`/`HTTP_PROXY`/
 * `NO_PROXY` and `TENCENTCLOUD_REDIS_CA_BUNDLE`, read at each request (the provider process gets
 * the environment of `pulumi`). axios and the agents are loaded on first use, not at import,
 * because the package entry must stay cheap to require (the provider host and the CLI load it
 * for every run).
 */
import type { AxiosInstance } from "axios";
import { trustedCas } from "./caBundle";
import { describeProxy, proxyFor, type ProxyChoice } from "./proxyEnv";
import type { HttpRequest, HttpResponse, Transport } from "./types";

let instance: AxiosInstance | undefined;

function client(): AxiosInstance {
  if (!instance) {
    // Loaded lazily: see the file comment.
    const axios: typeof import("axios").default = require("axios");
    instance = axios.create({
      // Redirects are not followed: a 3xx is reported as a wrong endpoint (see `endpointErrors.ts`).
      maxRedirects: 0,
      responseType: "text",
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      // The proxy is chosen per request below (axios' own proxy support cannot tunnel https).
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

/** How to reach `url`: the proxy (if any) and the axios options that send the request that way. */
function route(url: URL): { proxy?: ProxyChoice; options: Record<string, unknown> } {
  const { agentsFor } = require("./agents") as typeof import("./agents");
  const proxy = proxyFor(url);
  const { httpAgent, httpsAgent } = agentsFor(proxy, url.protocol === "https:" ? trustedCas() : undefined);
  const options: Record<string, unknown> = { httpAgent, httpsAgent };
  // An http target goes to the proxy in absolute form; https ones tunnel through the agent.
  if (proxy && url.protocol === "http:") {
    const { url: p } = proxy;
    options.proxy = {
      protocol: p.protocol.replace(/:$/, ""),
      host: p.hostname,
      port: Number(p.port || (p.protocol === "https:" ? 443 : 80)),
      ...(p.username ? { auth: { username: decodeURIComponent(p.username), password: decodeURIComponent(p.password) } } : {}),
    };
  }
  return { proxy, options };
}

/** Sends a request with axios; rejects with a {@link TransportFailure} when no HTTP answer arrives. */
export const axiosTransport: Transport = async (request: HttpRequest): Promise<HttpResponse> => {
  // axios' own timeout only covers an idle socket; this one bounds the whole exchange.
  const deadline = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
  let proxy: ProxyChoice | undefined;
  try {
    const routed = route(new URL(request.url));
    proxy = routed.proxy;
    const response = await client().request<string>({
      ...routed.options,
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
    throw failureOf(error, request, deadline, proxy);
  }
};

/** The {@link TransportFailure} for an error of the exchange; one that went through a proxy says so. */
function failureOf(error: unknown, request: HttpRequest, deadline: AbortSignal, proxy: ProxyChoice | undefined): TransportFailure {
  if (request.signal?.aborted) return new TransportFailure("the request was aborted", "ABORTED");
  const via = proxy ? ` (through ${describeProxy(proxy)})` : "";
  const code = (error as { code?: string }).code;
  const causeCode = ((error as { cause?: { code?: string } }).cause ?? {}).code;
  if (deadline.aborted || code === "ECONNABORTED" || code === "ETIMEDOUT") {
    return new TransportFailure(`no answer within the per-request timeout of ${request.timeoutMs} ms${via}`, "ETIMEDOUT");
  }
  const message = (error as Error).message || String(error);
  // axios reports a body cut short by a dropped connection as ERR_BAD_RESPONSE ("stream has been aborted").
  if (code === "ERR_BAD_RESPONSE" && /abort|terminat|reset|socket/i.test(message)) {
    return new TransportFailure(`the connection was closed in the middle of the response (${message})${via}`, "ECONNRESET");
  }
  return new TransportFailure(message.includes("proxy") ? message : message + via, causeCode ?? code ?? "EUNKNOWN");
}
