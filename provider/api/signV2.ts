/**
 * API 2.0 request signing (REFERENCE §1): sorted raw `k=v` pairs, prefixed with method, host
 * and path, HMAC-SHA256 (or SHA1) in base64. Shared by the client and the emulator.
 */
import { createHmac } from "crypto";
import type { SignatureMethod } from "./types";

/** The path every API 2.0 request goes to. */
export const V2_PATH = "/v2/index.php";

/**
 * The parameters as they are signed: `_` in names becomes `.`, sorted by name in byte order,
 * joined raw (not URL-encoded). `Signature` itself is left out.
 */
export function canonicalV2Query(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== "Signature")
    .map((name) => [name.replace(/_/g, "."), params[name]] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** `GETredis.api.qcloud.com/v2/index.php?Action=…`: the string an API 2.0 signature covers. */
export function v2StringToSign(method: "GET" | "POST", host: string, params: Record<string, string>): string {
  return `${method}${host}${V2_PATH}?${canonicalV2Query(params)}`;
}

/** base64(HMAC(secretKey, stringToSign)) with SHA-256 for `HmacSHA256`, SHA-1 otherwise. */
export function signV2(secretKey: string, stringToSign: string, method: SignatureMethod = "HmacSHA256"): string {
  const algorithm = method === "HmacSHA256" ? "sha256" : "sha1";
  return createHmac(algorithm, secretKey).update(stringToSign, "utf8").digest("base64");
}
