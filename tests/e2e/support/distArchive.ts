/**
 * The release archive of this machine's platform, as `npm run dist` builds it, made once per
 * content of what goes into it (sources, schema, manifests, the build scripts) under the temp
 * directory and reused by every file and run until that content changes: a build takes ~20 s.
 */
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildOnce } from "../../support/buildOnce";
import { REPO_ROOT } from "../../support/packedProject";

/** Tracked and new files whose content makes the archive. */
const INPUTS = ["provider", "scripts/dist", "schema.json", "package.json", "package-lock.json", "LICENSE", "README.md"];

/** The engine's name for this machine's platform (`linux-amd64`). */
export const HOST_PLATFORM = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`;

function inputsHash(): string {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...INPUTS], { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\0")
    .filter((file) => file && fs.existsSync(path.join(REPO_ROOT, file)))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(fs.readFileSync(path.join(REPO_ROOT, file)));
  return hash.digest("hex").slice(0, 16);
}

/** The directory holding this platform's archive (what a release server serves), and the archive. */
export function distArchive(): { dir: string; archive: string; version: string } {
  const version: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
  const dir = buildOnce(path.join(os.tmpdir(), `redis-task-dist-${inputsHash()}`), (into) => {
    execFileSync(process.execPath, [path.join(REPO_ROOT, "dist", "scripts", "dist", "main.js"), "--targets", HOST_PLATFORM, "--no-wheel", "--out", into], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
  });
  return { dir, archive: path.join(dir, `pulumi-resource-tencentcloud-redis-task-v${version}-${HOST_PLATFORM}.tar.gz`), version };
}
