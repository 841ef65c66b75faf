/**
 * Where the official SDKs' TC3 signatures differ from the strict reading of the signing page,
 * and Tencent's own endpoints accept them all the same. At `redis.tencentcloudapi.com` these
 * choices coincide; at an endpoint such as `127.0.0.1:PORT` they do not, so the emulator accepts
 * each SDK's choice. A signature is still checked in full over what was received: only the
 * service name in the credential scope and the form of the signed host vary, never the key,
 * the body, the content type or the timestamp.
 */

/** The service the API's own clients put in the credential scope. */
export const TC3_SERVICE = "redis";

/**
 * The services a credential scope may name: `redis` (the Python and Go SDKs, and this package's
 * client, use the product's name), or the first label of the Host, as the Node SDK derives it
 * from its endpoint (`redis` from `redis.tencentcloudapi.com`, `127` from `127.0.0.1:PORT`).
 */
export function acceptedServices(host: string): string[] {
  const firstLabel = host.split(".")[0].split(":")[0];
  return firstLabel && firstLabel !== TC3_SERVICE ? [TC3_SERVICE, firstLabel] : [TC3_SERVICE];
}

/**
 * The host forms a signature may cover: the Host header as received (the Python and Go SDKs sign
 * it, port included), or without its port (the Node SDK signs the URL's hostname while sending
 * `host:port`). Without a port both are the same, as at Tencent's endpoints.
 */
export function signedHostForms(host: string): string[] {
  const withoutPort = host.replace(/:\d+$/, "");
  return withoutPort === host ? [host] : [host, withoutPort];
}
