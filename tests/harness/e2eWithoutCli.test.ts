/**
 * The end-to-end suite where no Pulumi CLI is installed: one clear line and a skip, so a newcomer's
 * `npm test` passes; under CI (here Jenkins-style `CI=1`) the same run fails, so CI can never skip the engine's half.
 */
import { execFile } from "child_process";
import * as path from "path";
import { REPO_ROOT } from "../support/packedProject";
import { pathWithoutPulumi } from "../support/pathWithoutPulumi";
import { NO_CLI_MESSAGE } from "../e2e/support/pulumiCli";

jest.setTimeout(120_000);

/** Runs one e2e file through jest without a CLI; `ci` sets CI=1, as Jenkins-style CI does. */
function runE2eWithoutCli(ci: boolean): Promise<{ code: number; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: pathWithoutPulumi(), CI: ci ? "1" : "" };
  delete env.PULUMI_CLI_DIR;
  delete env.E2E_RUN_ID;
  const jest = path.join(REPO_ROOT, "node_modules", ".bin", "jest");
  return new Promise((resolve) =>
    execFile(jest, ["--selectProjects", "e2e", "--testPathPatterns", "tests/e2e/cancel"], { cwd: REPO_ROOT, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    ),
  );
}

test("without a CLI the suite says so in one line and skips; the run passes", async () => {
  const { code, output } = await runE2eWithoutCli(false);
  expect(output.split("\n").filter((line) => line.includes(NO_CLI_MESSAGE))).toHaveLength(1);
  expect(output).toMatch(/Tests: +1 skipped, 1 total/);
  expect(code).toBe(0);
});

test("under CI=1 a missing CLI fails the run", async () => {
  const { code, output } = await runE2eWithoutCli(true);
  expect(output).toContain(`CI=1 and ${NO_CLI_MESSAGE}`);
  expect(code).not.toBe(0);
});
