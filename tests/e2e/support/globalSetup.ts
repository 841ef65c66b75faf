/**
 * Runs once before the end-to-end suite: without a Pulumi CLI it prints one line and the suite
 * skips, except under CI (any non-empty `CI` but `false` or `0`), where a missing CLI fails the run (CI must prove the engine half).
 * It also names the run, so files share per-run fixtures (the fresh clone).
 */
import { findPulumiCliDir, isCi, NO_CLI_MESSAGE } from "./pulumiCli";

export default async function globalSetup(): Promise<void> {
  process.env.E2E_RUN_ID ??= `${Date.now()}-${process.pid}`;
  if (findPulumiCliDir()) return;
  if (isCi()) throw new Error(`CI=${process.env.CI} and ${NO_CLI_MESSAGE}`);
  process.stdout.write(`\n${NO_CLI_MESSAGE}\n`);
}
