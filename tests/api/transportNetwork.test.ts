/**
 * The transport on the networks users have: a proxy named by HTTPS_PROXY / HTTP_PROXY (with
 * NO_PROXY), a private endpoint whose certificate comes from its own CA, and the failures that
 * never heal (a certificate not accepted, a redirect), which a wait must not retry.
 */
import { describeTaskInfo } from "../../provider/api/describeTaskInfo";
import { bypassesProxy, proxyFor } from "../../provider/api/proxyEnv";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { taskApiFailure as rejection } from "../support/taskApiFailure";
import { emulatorSettings } from "../support/emulatorEnv";
import { startTestProxy, type TestProxy } from "../support/testProxy";
import { selfSignedCertificate, startTlsFront, type TestCertificate, type TlsFront } from "../support/tlsFront";

const ONLY_THE_PROXY_KNOWS = "redis-task-e2e.invalid";
const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "TENCENTCLOUD_REDIS_CA_BUNDLE"];

let emulator: RunningEmulator;
let proxy: TestProxy;
let certificate: TestCertificate;
let front: TlsFront;

/** Runs `action` with the given proxy and CA variables (and no others) in the environment. */
async function withEnv<T>(vars: Record<string, string>, action: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, vars);
  try {
    return await action();
  } finally {
    for (const name of PROXY_VARIABLES) delete process.env[name];
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  }
}

beforeAll(async () => {
  emulator = await startEmulator({ tasks: [{ requestId: 501, timeline: [{ status: 2 }] }] });
  proxy = await startTestProxy({ [ONLY_THE_PROXY_KNOWS]: "127.0.0.1" });
  certificate = selfSignedCertificate([ONLY_THE_PROXY_KNOWS, "127.0.0.1"]);
  front = await startTlsFront(certificate, emulator.url);
});
afterAll(async () => {
  await front?.close();
  await proxy?.close();
  await emulator?.close();
});

describe("which proxy a request uses", () => {
  test("https and http targets read their own variables, lower case first; a bare host:port is an http proxy", () => {
    const env = { HTTPS_PROXY: "http://upper:1", https_proxy: "proxy.corp:3128", HTTP_PROXY: "http://plain:8080" };
    expect(proxyFor(new URL("https://redis.tencentcloudapi.com"), env)).toMatchObject({ source: "https_proxy", url: new URL("http://proxy.corp:3128") });
    expect(proxyFor(new URL("http://127.0.0.1:9"), env)).toMatchObject({ source: "HTTP_PROXY" });
    expect(proxyFor(new URL("http://127.0.0.1:9"), {})).toBeUndefined();
  });

  test("NO_PROXY: hosts, subdomains, ports and *", () => {
    expect(bypassesProxy("127.0.0.1", "443", "127.0.0.1,localhost")).toBe(true);
    expect(bypassesProxy("api.corp.example", "443", ".corp.example")).toBe(true);
    expect(bypassesProxy("corp.example", "443", "corp.example")).toBe(true);
    expect(bypassesProxy("notcorp.example", "443", "corp.example")).toBe(false);
    expect(bypassesProxy("redis.tencentcloudapi.com", "443", "redis.tencentcloudapi.com:8443")).toBe(false);
    expect(bypassesProxy("anything", "80", "*")).toBe(true);
    expect(proxyFor(new URL("https://localhost:1"), { HTTPS_PROXY: "http://p:1", NO_PROXY: "127.0.0.1, localhost" })).toBeUndefined();
  });
});

describe("through a proxy", () => {
  test("an http endpoint only the proxy can reach answers through HTTP_PROXY", async () => {
    const endpoint = `${emulator.url.replace("127.0.0.1", ONLY_THE_PROXY_KNOWS)}`;
    const record = await withEnv({ HTTP_PROXY: proxy.url }, () => describeTaskInfo(501, emulatorSettings(endpoint)));
    expect(record).toMatchObject({ requestId: 501, status: 2 });
    expect(proxy.handled.some((line) => line.startsWith(`GET http://${ONLY_THE_PROXY_KNOWS}:`))).toBe(true);
  });

  test("an https endpoint only the proxy can reach answers through an HTTPS_PROXY tunnel, its certificate checked end to end", async () => {
    const endpoint = `https://${ONLY_THE_PROXY_KNOWS}:${front.port}`;
    const record = await withEnv({ HTTPS_PROXY: proxy.url, TENCENTCLOUD_REDIS_CA_BUNDLE: certificate.certFile }, () => describeTaskInfo(501, emulatorSettings(endpoint, "v3")));
    expect(record).toMatchObject({ requestId: 501, status: 2 });
    expect(proxy.handled).toContain(`CONNECT ${ONLY_THE_PROXY_KNOWS}:${front.port}`);
  });

  test("a proxy that refuses the tunnel, or is down, is named in the error", async () => {
    const refusing = await startTestProxy({}, { refuseConnect: 403 });
    try {
      const refused = await withEnv({ HTTPS_PROXY: refusing.url }, () => rejection(describeTaskInfo(501, emulatorSettings(front.url))));
      expect(refused.message).toContain(`the proxy ${refusing.url} (from HTTPS_PROXY; hosts listed in NO_PROXY bypass it) answered HTTP 403 to CONNECT 127.0.0.1:${front.port}`);
    } finally {
      await refusing.close();
    }
    const down = await withEnv({ HTTP_PROXY: "http://127.0.0.1:9" }, () => rejection(describeTaskInfo(501, emulatorSettings(emulator.url))));
    expect(down.message).toContain("through the proxy http://127.0.0.1:9 (from HTTP_PROXY");
  });

  test("NO_PROXY=127.0.0.1 reaches the emulator directly", async () => {
    const before = proxy.handled.length;
    await withEnv({ HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1,localhost" }, () => describeTaskInfo(501, emulatorSettings(emulator.url)));
    expect(proxy.handled.length).toBe(before);
  });
});

describe("failures that never heal are permanent, naming the problem", () => {
  test("a self-signed certificate: not retryable, names the certificate problem and TENCENTCLOUD_REDIS_CA_BUNDLE; the bundle makes it work", async () => {
    const error = await withEnv({}, () => rejection(describeTaskInfo(501, emulatorSettings(front.url))));
    expect(error.retryable).toBe(false);
    expect(error.code).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
    expect(error.message).toContain(`The TLS certificate of ${front.url} (apiVersion v2) is self-signed, not issued by a trusted certificate authority`);
    expect(error.message).toContain("TENCENTCLOUD_REDIS_CA_BUNDLE");
    const record = await withEnv({ TENCENTCLOUD_REDIS_CA_BUNDLE: certificate.certFile }, () => describeTaskInfo(501, emulatorSettings(front.url)));
    expect(record.status).toBe(2);
  });

  test("a certificate for another host name: not retryable, says hostname mismatch", async () => {
    const other = selfSignedCertificate(["somewhere-else.example"]);
    const mismatched = await startTlsFront(other, emulator.url);
    try {
      const error = await withEnv({ TENCENTCLOUD_REDIS_CA_BUNDLE: other.certFile }, () => rejection(describeTaskInfo(501, emulatorSettings(mismatched.url))));
      expect(error.retryable).toBe(false);
      expect(error.message).toContain("does not name this host (a hostname mismatch)");
    } finally {
      await mismatched.close();
    }
  });

  test("an unreadable CA bundle: not retryable, names the variable and the file", async () => {
    const error = await withEnv({ TENCENTCLOUD_REDIS_CA_BUNDLE: "/nonexistent/ca.pem" }, () => rejection(describeTaskInfo(501, emulatorSettings(front.url))));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("TENCENTCLOUD_REDIS_CA_BUNDLE names /nonexistent/ca.pem, which cannot be read");
  });

  test("a redirect (3xx): not retryable, names where it points", async () => {
    const redirecting = await startTlsFront(certificate, { status: 301, headers: { Location: "https://redis.tencentcloudapi.com/" } });
    try {
      const error = await withEnv({ TENCENTCLOUD_REDIS_CA_BUNDLE: certificate.certFile }, () => rejection(describeTaskInfo(501, emulatorSettings(redirecting.url, "v3"))));
      expect(error.retryable).toBe(false);
      expect(error.httpStatus).toBe(301);
      expect(error.message).toContain("a redirect to https://redis.tencentcloudapi.com/");
      expect(error.message).toContain("redirects are not followed");
    } finally {
      await redirecting.close();
    }
  });
});
