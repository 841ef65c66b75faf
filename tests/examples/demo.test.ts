/** `npm run demo` after the build: the README's first command must keep working. */
import { execFile } from "child_process";
import * as path from "path";
import { REPO_ROOT } from "../support/packedProject";
import { cleanEnv } from "../support/emulatorEnv";

jest.setTimeout(90_000);

test("the demo gates on the succeeding task, stops on the failing one, and exits 0", async () => {
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    execFile(process.execPath, [path.join(REPO_ROOT, "dist/scripts/demo.js")], { cwd: REPO_ROOT, env: cleanEnv() }, (error, out) =>
      resolve({ code: error ? (error as { code?: number }).code ?? 1 : 0, stdout: out }),
    );
  });
  expect(stdout).not.toContain("FAIL");
  expect(stdout).toMatch(/Demo OK in \d+\.\d s/);
  expect(stdout.match(/^ {2}ok {3}/gm)).toHaveLength(7);
  expect(code).toBe(0);
});
