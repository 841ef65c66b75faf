/**
 * Keep-alive agents, one per way of connecting: direct, or through a proxy (an http target is
 * sent to the proxy in absolute form; an https one is tunneled with CONNECT, so TLS still runs end
 * to end with the API and its certificate is checked), each trusting Node's CAs or also a bundle
 * (`caBundle.ts`). Loaded lazily with the transport.
 */
import * as http from "http";
import * as https from "https";
import type { Duplex } from "stream";
import * as tls from "tls";
import { describeProxy, type ProxyChoice } from "./proxyEnv";

/** The `code` of a failure the proxy itself reported (it refused the CONNECT). */
export const PROXY_REFUSED = "ERR_PROXY_CONNECT";

/** Keep-alive reuses one TLS connection across the polls of a whole deployment. */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 64 };

/** `Proxy-Authorization` for a proxy URL with credentials, none otherwise. */
function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { "Proxy-Authorization": `Basic ${Buffer.from(credentials).toString("base64")}` };
}

type ConnectionCallback = (error: Error | null, socket?: Duplex) => void;

/** An https agent whose connections are CONNECT tunnels through `proxy`, then TLS to the target. */
class TunnelingAgent extends https.Agent {
  constructor(
    private readonly proxy: ProxyChoice,
    options: https.AgentOptions,
  ) {
    super(options);
  }

  // Node's Agent accepts an asynchronous createConnection that reports through the callback.
  createConnection(options: tls.ConnectionOptions & { host?: string; port?: number }, callback: ConnectionCallback): undefined {
    const target = `${options.host}:${options.port ?? 443}`;
    const { url } = this.proxy;
    const request = (url.protocol === "https:" ? https : http).request({
      host: url.hostname,
      port: url.port || (url.protocol === "https:" ? 443 : 80),
      method: "CONNECT",
      path: target,
      headers: { Host: target, ...proxyAuthorization(url) },
      agent: false,
    });
    request.once("connect", (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        const error = new Error(`${describeProxy(this.proxy)} answered HTTP ${response.statusCode} to CONNECT ${target}`);
        callback(Object.assign(error, { code: PROXY_REFUSED }));
        return;
      }
      const secured = tls.connect({ ...options, socket, servername: options.servername ?? (isIpAddress(options.host) ? undefined : options.host) });
      callback(null, secured);
    });
    request.once("error", (error) => callback(error));
    request.end();
    return undefined;
  }
}

function isIpAddress(host: string | undefined): boolean {
  return host !== undefined && (/^[\d.]+$/.test(host) || host.includes(":"));
}

/** The agents for one way of connecting. */
export interface Agents {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
}

const pool = new Map<string, Agents>();

/** The agents for `proxy` (or direct) trusting `ca` (or Node's CAs), made once and reused. */
export function agentsFor(proxy: ProxyChoice | undefined, ca?: { path: string; ca: string[] }): Agents {
  const key = `${proxy?.url.href ?? "direct"}|${ca?.path ?? ""}`;
  let agents = pool.get(key);
  if (!agents) {
    const tlsOptions = { ...AGENT_OPTIONS, ...(ca ? { ca: ca.ca } : {}) };
    agents = {
      httpAgent: new http.Agent(AGENT_OPTIONS),
      httpsAgent: proxy ? new TunnelingAgent(proxy, tlsOptions) : new https.Agent(tlsOptions),
    };
    pool.set(key, agents);
  }
  return agents;
}
