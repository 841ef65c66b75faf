/**
 * A fleet through the real CLI (the 50-gate version of `npm run bench`'s CLI fleet): 50 TaskWaits
 * in one `pulumi up --parallel 50` against the emulator limited to the documented 20 requests/s.
 * Every gate succeeds, none is failed by throttling, and the engine really runs them side by side:
 * the deployment ends within twice the benchmark's bound (at the default --parallel of 8 it would
 * take several times longer). The exact figures are the benchmark's (docs/BENCHMARKS.md).
 */
import { describeTaskInfo } from "../../provider/api/describeTaskInfo";
import { emulatorSettings } from "../support/emulatorEnv";
import { describeWithCli } from "./support/describeWithCli";
import type { PulumiStack } from "./support/pulumiStack";
import { e2eSuite } from "./support/suite";

jest.setTimeout(240_000);

const COUNT = 50;
const FIRST_ID = 66_000;
const RATE = 20;

const suite = e2eSuite(FIRST_ID + COUNT);

function fleetStack(count: number, firstId: number): Promise<PulumiStack> {
  return suite.stack("fleet", { config: { "e2e-fleet:count": String(count), "e2e-fleet:firstId": String(firstId) } });
}

describeWithCli("a fleet of gates", () => {
  test(`${COUNT} gates in one \`pulumi up --parallel ${COUNT}\` at ${RATE} requests/s all succeed, side by side`, async () => {
    const one = await fleetStack(1, 1);
    suite.emulator.emulator.addTask({ requestId: 1, timeline: [{ status: 2 }] });
    const oneGateUpMs = (await one.up(["--skip-preview"])).ms;

    // Durations 2–10 s, started now by one query each (as tasks run from their own start).
    const stack = await fleetStack(COUNT, FIRST_ID);
    const ids = Array.from({ length: COUNT }, (_, i) => FIRST_ID + i);
    const durationOf = (i: number) => 2_000 + ((i * 37) % COUNT) * (8_000 / (COUNT - 1));
    ids.forEach((requestId, i) => suite.emulator.emulator.addTask({ requestId, timeline: [{ status: 1, ms: durationOf(i) }, { status: 2 }] }));
    await Promise.all(ids.map((id) => describeTaskInfo(id, emulatorSettings(suite.emulator.url))));
    const armedAt = Date.now();
    suite.emulator.emulator.setFaults({ rateLimitPerSecond: RATE });

    const upStartedAt = Date.now();
    const up = await stack.up(["--skip-preview", "--parallel", String(COUNT)]);
    expect(await stack.outputs()).toMatchObject({ succeeded: COUNT });
    const lastCompletionMs = armedAt + Math.max(...ids.map((_, i) => durationOf(i))) - upStartedAt;
    const boundMs = 1.2 * (lastCompletionMs + (COUNT / RATE) * 1000 + oneGateUpMs);
    expect(up.ms).toBeLessThan(2 * boundMs);
    // Throttled answers, if any, were retried: no gate failed for them.
    expect(up.stdout).not.toMatch(/RequestLimitExceeded|4400/);
  });
});
