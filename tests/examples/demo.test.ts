/**
 * `npm run demo` where no Pulumi CLI is installed: it says so and falls back to the in-process
 * engine. (With the CLI on PATH the demo runs `pulumi up`: tests/e2e/newcomer.test.ts.)
 */
import { execFile } from "child_process";
import * as path from "path";
import { REPO_ROOT } from "../support/packedProject";
import { pathWithoutPulumi } from "../support/pathWithoutPulumi";
import { cleanEnv } from "../support/emulatorEnv";

jest.setTimeout(90_000);

test("without a Pulumi CLI the demo says so, runs the in-process engine, gates on success, stops on failure, and exits 0", async () => {
  const env = cleanEnv({ PATH: pathWithoutPulumi() });
  delete env.PULUMI_CLI_DIR;
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    execFile(process.execPath, [path.join(REPO_ROOT, "dist/scripts/demo.js")], { cwd: REPO_ROOT, env }, (error, out) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: out }),
    );
  });
  expect(stdout).toContain("Engine: the in-process engine (no Pulumi CLI on PATH)");
  expect(stdout).not.toContain("FAIL");
  expect(stdout).toMatch(/Demo OK in \d+\.\d s/);
  expect(stdout.match(/^ {2}ok {3}/gm)).toHaveLength(7);
  expect(code).toBe(0);
});
