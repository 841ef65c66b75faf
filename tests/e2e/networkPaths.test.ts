/**
 * The networks users deploy from, through the real Pulumi CLI: a corporate proxy (HTTP_PROXY, with
 * NO_PROXY=127.0.0.1,localhost so the engine's own gRPC channels stay direct), a private endpoint
 * with its own certificate authority, and the failures that never heal (a certificate not trusted,
 * a redirect): a gate with the default 30-minute timeout fails within a minute naming the problem.
 */
import { describeWithCli } from "./support/describeWithCli";
import { e2eSuite } from "./support/suite";
import { startTestProxy, type TestProxy } from "../support/testProxy";
import { selfSignedCertificate, startTlsFront, type TestCertificate, type TlsFront } from "../support/tlsFront";

jest.setTimeout(400_000);

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
const ONLY_THE_PROXY_KNOWS = "redis-task-e2e.invalid";

const suite = e2eSuite(69_500);
let proxy: TestProxy;
let certificate: TestCertificate;
let front: TlsFront;

beforeAll(async () => {
  proxy = await startTestProxy({ [ONLY_THE_PROXY_KNOWS]: "127.0.0.1" });
  certificate = selfSignedCertificate(["127.0.0.1"]);
  front = await startTlsFront(certificate, suite.emulator.url);
});
afterAll(async () => {
  await front?.close();
  await proxy?.close();
});

/** A gate stack (no timeout of its own: 30 minutes) on a task already succeeded at `endpoint`, with `env`. */
async function gateAt(endpoint: string, env: NodeJS.ProcessEnv) {
  const id = suite.emulator.task([{ status: 2 }]);
  const stack = await suite.stack("gate", { config: { "e2e-gate:requestId": String(id), "e2e-gate:endpoint": endpoint }, env });
  return { id, stack };
}

describeWithCli("proxies and TLS", () => {
  test("an endpoint only the proxy can reach works through HTTP_PROXY, with NO_PROXY keeping the engine's gRPC direct", async () => {
    const port = new URL(suite.emulator.url).port;
    const env = { HTTP_PROXY: proxy.url, http_proxy: proxy.url, HTTPS_PROXY: proxy.url, https_proxy: proxy.url, NO_PROXY: "127.0.0.1,localhost", no_proxy: "127.0.0.1,localhost" };
    const { id, stack } = await gateAt(`http://${ONLY_THE_PROXY_KNOWS}:${port}`, env);
    await stack.up([], "success", env);
    expect(await stack.outputs()).toMatchObject({ status: 2, statusText: "Succeeded" });
    expect(suite.emulator.calls(id)).toBeGreaterThanOrEqual(1);
    expect(proxy.handled.filter((line) => line.startsWith(`GET http://${ONLY_THE_PROXY_KNOWS}:${port}/v2/index.php?`)).length).toBeGreaterThanOrEqual(1);
  });

  test("a self-signed endpoint and a redirect fail `up` within a minute naming the problem; TENCENTCLOUD_REDIS_CA_BUNDLE makes the endpoint work", async () => {
    const redirecting = await startTlsFront(certificate, { status: 302, headers: { Location: "https://elsewhere.example/v2/index.php" } });
    try {
      const untrusted = await gateAt(front.url, {});
      const redirected = await gateAt(redirecting.url, { TENCENTCLOUD_REDIS_CA_BUNDLE: certificate.certFile });
      const connectionsBefore = front.connections();
      const [untrustedUp, redirectedUp] = await Promise.all([untrusted.stack.up([], "failure"), redirected.stack.up([], "failure")]);
      // The claim: one attempt each, no retry (a retried failure would run for the 20 s retry window).
      expect(front.connections() - connectionsBefore).toBe(1);
      expect(redirecting.requests()).toBe(1);
      expect(untrustedUp.stdout).toContain(`The TLS certificate of ${front.url} (apiVersion v2) is self-signed, not issued by a trusted certificate authority; retrying cannot help`);
      expect(untrustedUp.stdout).toContain("TENCENTCLOUD_REDIS_CA_BUNDLE");
      expect(redirectedUp.stdout).toContain("a redirect to https://elsewhere.example/v2/index.php");
      expect(redirectedUp.stdout).toContain("redirects are not followed");
      process.stdout.write(`pulumi up against a self-signed endpoint: ${untrustedUp.ms} ms; against a redirect: ${redirectedUp.ms} ms (timeout 30 minutes)\n`);
      for (const { stack } of [untrusted, redirected]) expect(await stack.resourcesOfType(TASK_WAIT)).toHaveLength(0);
      // The attempts counted above are the claim. This is a safety net far below the 30-minute
      // timeout and over 5x the 28 s two concurrent ups took in a full CI run (the CLI's start).
      for (const up of [untrustedUp, redirectedUp]) expect(up.ms).toBeLessThan(150_000);

      await untrusted.stack.up([], "success", { TENCENTCLOUD_REDIS_CA_BUNDLE: certificate.certFile });
      expect(await untrusted.stack.outputs()).toMatchObject({ status: 2 });
    } finally {
      await redirecting.close();
    }
  });
});
