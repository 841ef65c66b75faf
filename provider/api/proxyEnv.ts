/**
 * Which proxy a request goes through, as the environment says it the way curl and most tools read
 * it: `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for http ones (the
 * lower-case name first), and `no_proxy`/`NO_PROXY` naming hosts that bypass it.
 */

/** A proxy to use, and the variable that named it (for messages). */
export interface ProxyChoice {
  /** The proxy's URL, e.g. `http://proxy.corp:3128`. */
  url: URL;
  /** The environment variable it came from, e.g. `HTTPS_PROXY`. */
  source: string;
}

/** The first of `names` set to a non-empty value, with its name. */
function firstSet(env: NodeJS.ProcessEnv, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

/**
 * True when `no_proxy` excludes `host` (with `port`): `*` excludes all; an entry matches the host
 * itself and, as `example.com` or `.example.com`, its subdomains; `host:port` only that port.
 */
export function bypassesProxy(host: string, port: string, noProxy: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      if (raw === "*") return true;
      const match = /^(.*?)(?::(\d+))?$/.exec(raw.toLowerCase().replace(/^\[|\]$/g, ""))!;
      const [entryHost, entryPort] = [match[1].replace(/^\*?\./, "").replace(/^\[|\]$/g, ""), match[2]];
      if (entryPort && entryPort !== port) return false;
      return name === entryHost || name.endsWith(`.${entryHost}`);
    });
}

/** The proxy for a request to `target`, or undefined to connect directly. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv = process.env): ProxyChoice | undefined {
  const https = target.protocol === "https:";
  const chosen = firstSet(env, https ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"]);
  if (!chosen) return undefined;
  const port = target.port || (https ? "443" : "80");
  const noProxy = firstSet(env, ["no_proxy", "NO_PROXY"]);
  if (noProxy && bypassesProxy(target.hostname, port, noProxy.value)) return undefined;
  // A bare `host:port`, as some set it, means an http proxy.
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(chosen.value) ? chosen.value : `http://${chosen.value}`);
  return { url, source: chosen.name };
}

/** How messages name a proxy: its URL without credentials, and where it came from. */
export function describeProxy(proxy: ProxyChoice): string {
  return `the proxy ${proxy.url.protocol}//${proxy.url.host} (from ${proxy.source}; hosts listed in NO_PROXY bypass it)`;
}
