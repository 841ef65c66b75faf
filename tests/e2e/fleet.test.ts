/**
 * A fleet through the real CLI (the 50-gate version of `npm run bench`'s CLI fleet): 50 TaskWaits
 * in one `pulumi up --parallel 50` against the emulator limited to the documented 20 requests/s.
 * Every gate succeeds, none is failed by throttling, and the engine really runs them side by side:
 * every task is held until all 50 gates have polled it, which only 50 waits at once can do (at the
 * default --parallel of 8 the up would never get there). The figures are the benchmark's
 * (docs/BENCHMARKS.md).
 */
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
    const stack = await fleetStack(COUNT, FIRST_ID);
    const ids = Array.from({ length: COUNT }, (_, i) => FIRST_ID + i);
    // Executing, held; once released, 2–10 s more (as tasks run from their own start).
    const durationOf = (i: number) => 2_000 + ((i * 37) % COUNT) * (8_000 / (COUNT - 1));
    ids.forEach((requestId, i) => suite.emulator.emulator.addTask({ requestId, timeline: [{ status: 1, ms: durationOf(i) }, { status: 2 }], held: true }));
    suite.emulator.emulator.setFaults({ rateLimitPerSecond: RATE });

    const allWaiting = Promise.all(ids.map((id) => suite.emulator.waitForPolls(id, 1))).then(() => ids.forEach((id) => suite.emulator.release(id)));
    const [up] = await Promise.all([stack.up(["--skip-preview", "--parallel", String(COUNT)]), allWaiting]);
    expect(await stack.outputs()).toMatchObject({ succeeded: COUNT });
    // Throttled answers, if any, were retried: no gate failed for them.
    expect(up.stdout).not.toMatch(/RequestLimitExceeded|4400/);
  });
});
