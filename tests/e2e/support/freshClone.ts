/**
 * The repository as a newcomer gets it: the files git would clone (tracked, plus new files not
 * ignored, so uncommitted work is tested too) copied into a new directory, then the README's
 * install step (`npm ci`). Nothing built or installed in the working tree leaks in. One clone per
 * name and test run (`E2E_RUN_ID`, set by the global setup), so files that build in their clone
 * never race each other; all are removed by the global teardown.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildOnce } from "../../support/buildOnce";
import { REPO_ROOT } from "../../support/packedProject";

/** The directory holding this run's clones. */
export function clonesDir(runId = process.env.E2E_RUN_ID ?? String(process.pid)): string {
  return path.join(os.tmpdir(), `redis-task-clones-${runId}`);
}

/** Returns this run's fresh copy of the repository named `name`, with `npm ci` done. */
export function freshClone(name: string): string {
  fs.mkdirSync(clonesDir(), { recursive: true });
  return buildOnce(path.join(clonesDir(), name), (dir) => {
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO_ROOT, encoding: "utf8" })
      .split("\0")
      .filter((file) => file && fs.existsSync(path.join(REPO_ROOT, file)));
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.copyFileSync(path.join(REPO_ROOT, file), path.join(dir, file));
      fs.chmodSync(path.join(dir, file), fs.statSync(path.join(REPO_ROOT, file)).mode);
    }
    execFileSync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  });
}
