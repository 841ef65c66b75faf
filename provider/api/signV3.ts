/**
 * API 3.0 TC3-HMAC-SHA256 signing (REFERENCE §2), for POST requests with the
 * `content-type;host` signed headers. Shared by the client and the emulator.
 */
import { createHash, createHmac } from "crypto";

/** The inputs of one TC3 signature. */
export interface Tc3Input {
  secretId: string;
  secretKey: string;
  /** The service name in the credential scope, `redis` for this API. */
  service: string;
  /** The Host header exactly as sent, a non-default port included. */
  host: string;
  /** Unix seconds, as sent in `X-TC-Timestamp`. */
  timestamp: number;
  contentType: string;
  /** The exact request body bytes. */
  body: string;
}

/** A TC3 signature and its intermediate hashes (the official vectors check each). */
export interface Tc3Signature {
  payloadHash: string;
  canonicalRequestHash: string;
  signature: string;
  /** The full `Authorization` header value. */
  authorization: string;
}

const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const hmac = (key: string | Buffer, text: string): Buffer => createHmac("sha256", key).update(text, "utf8").digest();

/** The UTC date (`yyyy-mm-dd`) of a unix timestamp, which scopes the signing key. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** Signs one API 3.0 POST request with TC3-HMAC-SHA256. */
export function signTc3(input: Tc3Input): Tc3Signature {
  const payloadHash = sha256Hex(input.body);
  const canonicalRequest =
    "POST\n/\n\n" + `content-type:${input.contentType}\nhost:${input.host}\n` + "\ncontent-type;host\n" + payloadHash;
  const canonicalRequestHash = sha256Hex(canonicalRequest);
  const date = tc3Date(input.timestamp);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${input.timestamp}\n${scope}\n${canonicalRequestHash}`;
  const signingKey = hmac(hmac(hmac("TC3" + input.secretKey, date), input.service), "tc3_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
  const authorization = `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
  return { payloadHash, canonicalRequestHash, signature, authorization };
}
