/**
 * The hooks' e2e story in one place: `pulumi up` starts while a held task locks the instance,
 * the test notes the ModifyInstanceParams calls made by the hook's first listing (the event),
 * then ends the lock and lets the command finish.
 */
import type { E2eEmulator } from "./emulator";
import type { CliRun, PulumiStack } from "./pulumiStack";

/** ModifyInstanceParams calls so far, refused ones included. */
export const modifyCalls = (emulator: E2eEmulator): number => emulator.emulator.stats().byAction.ModifyInstanceParams ?? 0;

/** Runs `pulumi up`, ends task `lock` once the instance was listed, returns the run and the calls made before that listing. */
export async function upReleasedAfterListing(stack: PulumiStack, emulator: E2eEmulator, instanceId: string, lock: number): Promise<{ run: CliRun; callsAtListing: number }> {
  const before = modifyCalls(emulator);
  const up = stack.start(["up", "--yes", "--stack", stack.stack]);
  await emulator.emulator.waitForListings(instanceId, 1);
  const callsAtListing = modifyCalls(emulator) - before;
  emulator.setStatus(lock, 2);
  return { run: await up.done, callsAtListing };
}
