/**
 * The HTTP requests the client builds, captured by a fake transport. Signatures are recomputed
 * here from the documented steps with plain `crypto`, not with the project's signers.
 */
import { createHash, createHmac } from "crypto";
import { describeTaskInfo } from "../../provider/api/describeTaskInfo";
import type { ClientSettings, HttpRequest, HttpResponse } from "../../provider/api/types";

const SECRET_ID = "AKIDtestSecretId0000000000000000000";
const SECRET_KEY = "testSecretKey000000000000000000";
const NOW_MS = Date.UTC(2024, 4, 1, 8, 0, 0, 750); // the signed Timestamp drops the milliseconds
const TIMESTAMP = "1714550400";
const NONCE = 424242;

const v2Success: HttpResponse = { status: 200, headers: {}, body: '{"code":0,"message":"","codeDesc":"Success","data":{"status":2}}' };
const v3Success: HttpResponse = { status: 200, headers: {}, body: '{"Response":{"Status":"succeed","RequestId":"r-1"}}' };

/** Calls the client once and returns the one request it sent. */
async function capture(settings: Partial<ClientSettings>, nonce = NONCE, requestId = 11963): Promise<HttpRequest> {
  const sent: HttpRequest[] = [];
  const full: ClientSettings = { secretId: SECRET_ID, secretKey: SECRET_KEY, region: "ap-guangzhou", apiVersion: "v2", ...settings };
  await describeTaskInfo(requestId, full, {
    now: () => NOW_MS,
    nonce: () => nonce,
    transport: async (request) => {
      sent.push(request);
      return full.apiVersion === "v3" ? v3Success : v2Success;
    },
  });
  expect(sent).toHaveLength(1);
  return sent[0];
}

/** The raw `name=value` pairs of a URL's query, in order, not decoded. */
function rawPairs(url: string): [string, string][] {
  return url
    .split("?")[1]
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      return [pair.slice(0, at), pair.slice(at + 1)];
    });
}

function decodedParams(url: string): Record<string, string> {
  return Object.fromEntries(rawPairs(url).map(([k, v]) => [decodeURIComponent(k), decodeURIComponent(v)]));
}

/** REFERENCE §1 steps 1–5, written out independently. */
function expectedV2Signature(host: string, params: Record<string, string>, secretKey: string, algorithm: "sha256" | "sha1" = "sha256"): string {
  const names = Object.keys(params).filter((n) => n !== "Signature");
  const pairs = names.map((n) => [n.split("_").join("."), params[n]]);
  pairs.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const text = `GET${host}/v2/index.php?` + pairs.map(([k, v]) => `${k}=${v}`).join("&");
  return createHmac(algorithm, secretKey).update(text).digest("base64");
}

/** REFERENCE §2, written out independently. */
function expectedTc3Authorization(host: string, timestamp: number, body: string, secretKey = SECRET_KEY, secretId = SECRET_ID): string {
  const sha = (t: string) => createHash("sha256").update(t).digest("hex");
  const mac = (k: string | Buffer, t: string) => createHmac("sha256", k).update(t).digest();
  const ct = "application/json; charset=utf-8";
  const canonical = `POST\n/\n\ncontent-type:${ct}\nhost:${host}\n\ncontent-type;host\n${sha(body)}`;
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/redis/tc3_request\n${sha(canonical)}`;
  const key = mac(mac(mac("TC3" + secretKey, date), "redis"), "tc3_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return `TC3-HMAC-SHA256 Credential=${secretId}/${date}/redis/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;
}

describe("API 2.0 request", () => {
  it("is a GET to <endpoint>/v2/index.php with the common parameters and requestId", async () => {
    const request = await capture({ endpoint: "http://127.0.0.1:43121" });
    expect(request.method).toBe("GET");
    expect(request.body).toBeUndefined();
    expect(request.url.startsWith("http://127.0.0.1:43121/v2/index.php?")).toBe(true);
    const params = decodedParams(request.url);
    expect(Object.keys(params).sort()).toEqual(
      ["Action", "Nonce", "Region", "SecretId", "Signature", "SignatureMethod", "Timestamp", "requestId"].sort(),
    );
    expect(params).toMatchObject({
      Action: "DescribeTaskInfo",
      Region: "ap-guangzhou",
      Timestamp: TIMESTAMP,
      Nonce: String(NONCE),
      SecretId: SECRET_ID,
      SignatureMethod: "HmacSHA256",
      requestId: "11963",
    });
    expect(params.Signature).toBe(expectedV2Signature("127.0.0.1:43121", params, SECRET_KEY));
  });

  it("drops a trailing slash of the endpoint", async () => {
    const request = await capture({ endpoint: "http://127.0.0.1:43121/" });
    expect(request.url.startsWith("http://127.0.0.1:43121/v2/index.php?")).toBe(true);
  });

  it("URL-encodes a signature with `/`, `+` and `=` exactly once", async () => {
    // Find a nonce whose signature has all three characters (the `=` padding is always there).
    let found: { nonce: number; signature: string } | undefined;
    for (let nonce = 1; nonce < 5000 && !found; nonce++) {
      const params = {
        Action: "DescribeTaskInfo",
        Region: "ap-guangzhou",
        Timestamp: TIMESTAMP,
        Nonce: String(nonce),
        SecretId: SECRET_ID,
        SignatureMethod: "HmacSHA256",
        requestId: "11963",
      };
      const signature = expectedV2Signature("127.0.0.1:43121", params, SECRET_KEY);
      if (signature.includes("/") && signature.includes("+") && signature.includes("=")) found = { nonce, signature };
    }
    expect(found).toBeDefined();
    const request = await capture({ endpoint: "http://127.0.0.1:43121" }, found!.nonce);
    const rawSignature = rawPairs(request.url).find(([name]) => name === "Signature")![1];
    const encoded = found!.signature.replace(/\//g, "%2F").replace(/\+/g, "%2B").replace(/=/g, "%3D");
    expect(rawSignature).toBe(encoded);
    expect(rawSignature).not.toMatch(/[/+=]|%25/);
  });

  it("URL-encodes every value, e.g. a token with reserved characters", async () => {
    const token = "tok/en+with=and&space ok";
    const request = await capture({ endpoint: "http://127.0.0.1:43121", token });
    const raw = Object.fromEntries(rawPairs(request.url));
    expect(raw.Token).toBe("tok%2Fen%2Bwith%3Dand%26space%20ok");
    const params = decodedParams(request.url);
    expect(params.Token).toBe(token);
    // The token is signed raw, like every other value.
    expect(params.Signature).toBe(expectedV2Signature("127.0.0.1:43121", params, SECRET_KEY));
  });

  it("sends Token only when a token is set", async () => {
    const request = await capture({ endpoint: "http://127.0.0.1:43121" });
    expect(Object.keys(decodedParams(request.url))).not.toContain("Token");
    const empty = await capture({ endpoint: "http://127.0.0.1:43121", token: "" });
    expect(Object.keys(decodedParams(empty.url))).not.toContain("Token");
  });

  it("signs with HmacSHA1 when asked and says so in SignatureMethod", async () => {
    const request = await capture({ endpoint: "http://127.0.0.1:43121", signatureMethod: "HmacSHA1" });
    const params = decodedParams(request.url);
    expect(params.SignatureMethod).toBe("HmacSHA1");
    expect(params.Signature).toBe(expectedV2Signature("127.0.0.1:43121", params, SECRET_KEY, "sha1"));
    expect(Buffer.from(params.Signature, "base64")).toHaveLength(20);
  });

  it("goes to https://redis.api.qcloud.com without an endpoint and signs that host", async () => {
    const request = await capture({});
    expect(request.url.startsWith("https://redis.api.qcloud.com/v2/index.php?")).toBe(true);
    const params = decodedParams(request.url);
    expect(params.Signature).toBe(expectedV2Signature("redis.api.qcloud.com", params, SECRET_KEY));
  });

  it("signs host:port for a non-default port, and the bare host for a default one", async () => {
    const withPort = await capture({ endpoint: "https://redis.example.com:8443" });
    const params = decodedParams(withPort.url);
    expect(withPort.url.startsWith("https://redis.example.com:8443/v2/index.php?")).toBe(true);
    expect(params.Signature).toBe(expectedV2Signature("redis.example.com:8443", params, SECRET_KEY));
    expect(params.Signature).not.toBe(expectedV2Signature("redis.example.com", params, SECRET_KEY));

    const defaultPort = await capture({ endpoint: "https://redis.example.com:443" });
    const p2 = decodedParams(defaultPort.url);
    expect(p2.Signature).toBe(expectedV2Signature("redis.example.com", p2, SECRET_KEY));
  });

  it("carries the per-request timeout: the setting, else 10 s", async () => {
    expect((await capture({ requestTimeoutMs: 1234 })).timeoutMs).toBe(1234);
    expect((await capture({})).timeoutMs).toBe(10_000);
  });

  it("draws a fresh random positive Nonce per request by default", async () => {
    const nonces: string[] = [];
    const settings: ClientSettings = { secretId: SECRET_ID, secretKey: SECRET_KEY, region: "ap-guangzhou", apiVersion: "v2" };
    for (let i = 0; i < 5; i++) {
      await describeTaskInfo(1, settings, {
        transport: async (request) => {
          nonces.push(decodedParams(request.url).Nonce);
          return v2Success;
        },
      });
    }
    for (const nonce of nonces) expect(nonce).toMatch(/^[1-9]\d*$/);
    expect(new Set(nonces).size).toBe(5);
  });
});

describe("API 3.0 request", () => {
  it("is a POST to <endpoint>/ with the X-TC headers, the TaskId body and a TC3 Authorization", async () => {
    const request = await capture({ endpoint: "http://127.0.0.1:43121", apiVersion: "v3" });
    expect(request.method).toBe("POST");
    expect(request.url).toBe("http://127.0.0.1:43121/");
    expect(request.body).toBe('{"TaskId":11963}');
    expect(request.headers).toEqual({
      Authorization: expectedTc3Authorization("127.0.0.1:43121", Number(TIMESTAMP), '{"TaskId":11963}'),
      "Content-Type": "application/json; charset=utf-8",
      Host: "127.0.0.1:43121",
      "X-TC-Action": "DescribeTaskInfo",
      "X-TC-Version": "2018-04-12",
      "X-TC-Timestamp": TIMESTAMP,
      "X-TC-Region": "ap-guangzhou",
    });
  });

  it("sends X-TC-Token only with a token", async () => {
    const without = await capture({ apiVersion: "v3" });
    expect(Object.keys(without.headers).map((h) => h.toLowerCase())).not.toContain("x-tc-token");
    const withToken = await capture({ apiVersion: "v3", token: "temp-token" });
    expect(withToken.headers["X-TC-Token"]).toBe("temp-token");
  });

  it("goes to https://redis.tencentcloudapi.com/ without an endpoint and signs that host", async () => {
    const request = await capture({ apiVersion: "v3" }, NONCE, 7);
    expect(request.url).toBe("https://redis.tencentcloudapi.com/");
    expect(request.body).toBe('{"TaskId":7}');
    expect(request.headers.Authorization).toBe(expectedTc3Authorization("redis.tencentcloudapi.com", Number(TIMESTAMP), '{"TaskId":7}'));
  });

  it("signs host:port for a non-default port and sends the same Host", async () => {
    const request = await capture({ apiVersion: "v3", endpoint: "https://redis.example.com:8443" });
    expect(request.url).toBe("https://redis.example.com:8443/");
    expect(request.headers.Host).toBe("redis.example.com:8443");
    const body = '{"TaskId":11963}';
    expect(request.headers.Authorization).toBe(expectedTc3Authorization("redis.example.com:8443", Number(TIMESTAMP), body));
    expect(request.headers.Authorization).not.toBe(expectedTc3Authorization("redis.example.com", Number(TIMESTAMP), body));
  });

  it("carries the per-request timeout", async () => {
    expect((await capture({ apiVersion: "v3", requestTimeoutMs: 777 })).timeoutMs).toBe(777);
  });
});
