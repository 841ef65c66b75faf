/**
 * Ctrl-C during a long wait, through the real CLI: SIGINT to `pulumi up` while a gate waits on a
 * task that keeps executing. The engine sends the provider `Cancel`; the wait ends at once, the gate
 * is recorded as not ready, and the next `pulumi up` resumes it (an update of the same resource).
 */
import { describeWithCli } from "./support/describeWithCli";
import { expectGateNotReady, expectGateResumes } from "./support/gateResume";
import { CLI_CANCEL_SAFETY_NET_MS, SLEEPY_POLLS } from "../support/safetyNets";
import { e2eSuite } from "./support/suite";

jest.setTimeout(180_000);

const suite = e2eSuite(62_000);


describeWithCli("Ctrl-C", () => {
  test("the first SIGINT ends a 10-minute wait within seconds, and the next `pulumi up` resumes the gate", async () => {
    const id = suite.emulator.task([{ status: 1 }]);
    // Polls 20 s apart: after its first poll the gate sleeps, so only the cancellation can end
    // the wait within the safety net (the task never finishes; the timeout is 10 minutes).
    const stack = await suite.stack("gate", {
      config: {
        "e2e-gate:requestId": String(id),
        "e2e-gate:timeout": "10m",
        "e2e-gate:minPollInterval": SLEEPY_POLLS.minPollInterval,
        "e2e-gate:maxPollInterval": SLEEPY_POLLS.maxPollInterval,
      },
    });
    const { child, done, waitForOutput } = stack.start(["up", "--yes", "--skip-preview", "--stack", stack.stack]);
    await waitForOutput(new RegExp(`task ${id}: Executing`));
    const signalledAt = Date.now();
    child.kill("SIGINT");
    const run = await done;
    const exitMs = Date.now() - signalledAt;
    process.stdout.write(`pulumi up exited ${exitMs} ms after SIGINT\n`);

    expect(run.code).not.toBe(0);
    expect(exitMs).toBeLessThan(CLI_CANCEL_SAFETY_NET_MS);
    expect(run.stdout).toMatch(new RegExp(`Redis task ${id}: the deployment was cancelled \\(Ctrl-C\\) while waiting, last status 1 \\(Executing\\)`));
    await expectGateNotReady(stack, id, 1, /cancelled \(Ctrl-C\)/);

    // The task finishes while nobody waits; the next `up` resumes the same gate and goes on.
    await expectGateResumes(stack, suite.emulator, id);
  });
});
