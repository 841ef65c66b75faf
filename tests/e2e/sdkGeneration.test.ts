/**
 * The Python and Go SDKs in sdk/ are what `npm run gen-sdk` (`pulumi package gen-sdk` on
 * schema.json) generates: regenerating them into a fresh directory changes no file.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../support/packedProject";
import { describeWithCli } from "./support/describeWithCli";
import { findPulumiCliDir } from "./support/pulumiCli";

/** Every file below `dir`, relative, with its content. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = fs.readFileSync(full, "utf8");
    }
  };
  walk(dir);
  return files;
}

describeWithCli("generated SDKs", () => {
  test("regenerating sdk/python and sdk/go from schema.json produces no difference", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-sdk-"));
    try {
      const env = { ...process.env, PATH: `${findPulumiCliDir()}${path.delimiter}${process.env.PATH}`, PULUMI_HOME: path.join(out, ".home"), PULUMI_SKIP_UPDATE_CHECK: "true" };
      const started = Date.now();
      execFileSync("sh", [path.join(REPO_ROOT, "scripts", "gen-sdk.sh"), out], { cwd: REPO_ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
      for (const language of ["python", "go"]) {
        const committed = tree(path.join(REPO_ROOT, "sdk", language));
        // Files the SDK's own .gitignore keeps out (a local pip build) are not part of it.
        const tracked = Object.fromEntries(Object.entries(committed).filter(([file]) => !/(^|\/)(build|dist|__pycache__)\/|\.egg-info\//.test(file)));
        expect(tree(path.join(out, language))).toEqual(tracked);
      }
      process.stdout.write(`SDK generation took ${Date.now() - started} ms\n`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
