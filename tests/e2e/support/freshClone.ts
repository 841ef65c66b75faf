/**
 * The repository as a newcomer gets it: the files git would clone (tracked, plus new files not
 * ignored, so uncommitted work is tested too) copied into a new directory, then the README's
 * install step (`npm ci`). Nothing built or installed in the working tree leaks in.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../support/packedProject";

/** Copies the repository's files into a new directory and runs `npm ci` there; returns the directory. */
export function freshClone(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-clone-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\0")
    .filter((file) => file && fs.existsSync(path.join(REPO_ROOT, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, file), path.join(dir, file));
    fs.chmodSync(path.join(dir, file), fs.statSync(path.join(REPO_ROOT, file)).mode);
  }
  execFileSync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  return dir;
}
