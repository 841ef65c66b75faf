/**
 * Endpoints that can never answer, through the real Pulumi CLI: a closed port and a path that is
 * not the API. A gate with the default 30-minute timeout fails after the 20 s retry window,
 * naming the endpoint and apiVersion, instead of waiting out its timeout.
 */
import { closedPortUrl } from "../reliability/support/faultServer";
import { describeWithCli } from "./support/describeWithCli";
import { e2eSuite } from "./support/suite";

jest.setTimeout(300_000);

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";

const suite = e2eSuite(64_000);
/**
 * The 20 s retry window plus the CLI's start and preview: 25–30 s on an idle machine, 68–72 s
 * seen with two ups at once on a two-core machine at load 15. A safety net above that, far below
 * the 30-minute timeout.
 */
const RETRY_WINDOW_SAFETY_NET_MS = 200_000;

/** `pulumi up` of a gate with no timeout of its own (30 minutes) on `endpoint`. */
async function upAgainst(endpoint: string, apiVersion: "v2" | "v3") {
  const id = suite.emulator.task([{ status: 2 }]);
  const stack = await suite.stack("gate", { config: { "e2e-gate:requestId": String(id), "e2e-gate:endpoint": endpoint, "e2e-gate:apiVersion": apiVersion }, env: {} });
  return { stack, up: await stack.up([], "failure") };
}

describeWithCli("endpoints that cannot answer", () => {
  test("a closed port (v2) and a path that is not the API (v3, HTTP 404) fail `pulumi up` after the retry window, not the 30-minute timeout, naming the endpoint and apiVersion", async () => {
    const closed = await closedPortUrl();
    const wrongPath = `${suite.emulator.url}/not-the-api`;
    const [refused, notFound] = await Promise.all([upAgainst(closed, "v2"), upAgainst(wrongPath, "v3")]);

    expect(refused.up.stdout).toContain(`Check the endpoint and the network: nothing answers at ${closed} (apiVersion v2); a wait retries this for 20s, then gives up`);
    expect(notFound.up.stdout).toContain(`${wrongPath} (apiVersion v3) answered HTTP 404, which is no DescribeTaskInfo answer: check the endpoint and apiVersion`);
    process.stdout.write(`pulumi up against a closed port: ${refused.up.ms} ms; against a 404 path: ${notFound.up.ms} ms (timeout 30 minutes)\n`);
    for (const { stack, up } of [refused, notFound]) {
      // At least the 20 s window (the code's floor); the CLI's own start and preview add the rest
      // (printed above); the upper bound is a safety net.
      expect(up.ms).toBeGreaterThanOrEqual(20_000);
      expect(up.ms).toBeLessThan(RETRY_WINDOW_SAFETY_NET_MS);
      // A failed create records nothing: the next `up` (with the endpoint fixed) creates the gate.
      expect(await stack.resourcesOfType(TASK_WAIT)).toHaveLength(0);
    }
  });
});
