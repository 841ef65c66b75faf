/**
 * The certificate authorities a request trusts: Node's own (which already include any
 * `NODE_EXTRA_CA_CERTS`, read by Node at start), plus the PEM file named by
 * `TENCENTCLOUD_REDIS_CA_BUNDLE`, for a private endpoint or TLS-inspecting proxy with its own CA.
 */
import * as fs from "fs";
import * as tls from "tls";

/** The environment variable naming an extra PEM bundle of trusted CAs. */
export const CA_BUNDLE_ENV = "TENCENTCLOUD_REDIS_CA_BUNDLE";

/** The `code` of a transport failure when the bundle cannot be read. */
export const CA_BUNDLE_UNREADABLE = "ERR_CA_BUNDLE";

/** The bundle named in `env`: its path and the CAs to trust (Node's plus its own); undefined when none is set. */
export function trustedCas(env: NodeJS.ProcessEnv = process.env): { path: string; ca: string[] } | undefined {
  const path = env[CA_BUNDLE_ENV]?.trim();
  if (!path) return undefined;
  let pem: string;
  try {
    pem = fs.readFileSync(path, "utf8");
  } catch (error) {
    throw Object.assign(new Error(`${CA_BUNDLE_ENV} names ${path}, which cannot be read (${(error as Error).message})`), { code: CA_BUNDLE_UNREADABLE });
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
    throw Object.assign(new Error(`${CA_BUNDLE_ENV} names ${path}, which holds no PEM certificate (-----BEGIN CERTIFICATE-----)`), { code: CA_BUNDLE_UNREADABLE });
  }
  // `ca` replaces Node's list rather than adding to it: keep the public roots (and NODE_EXTRA_CA_CERTS).
  return { path, ca: [...tls.rootCertificates, ...extraCasOfNode(), pem] };
}

/** The PEMs of `NODE_EXTRA_CA_CERTS`: Node adds them to its default store, but not to `tls.rootCertificates`. */
function extraCasOfNode(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [fs.readFileSync(file, "utf8")];
  } catch {
    return []; // Node warned about it at start.
  }
}
