/**
 * A plugin release archive as the engine expects it: `pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz`
 * holding the executable at its root, with LICENSE and README.md beside it. Entries carry no owner
 * and a fixed time, so the same inputs give the same archive.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The archive name the engine downloads for `version` on `<os>-<arch>`. */
export const archiveName = (version: string, platform: string): string => `pulumi-resource-tencentcloud-redis-task-v${version}-${platform}.tar.gz`;

/** Packs `executable`, `license` and `readme` into `archive`. */
export function packArchive(archive: string, files: { executable: string; license: string; readme: string }): void {
  const staging = fs.mkdtempSync(`${archive}.tmp-`);
  try {
    const names = [path.basename(files.executable), "LICENSE", "README.md"];
    fs.renameSync(files.executable, path.join(staging, names[0]));
    fs.copyFileSync(files.license, path.join(staging, "LICENSE"));
    fs.copyFileSync(files.readme, path.join(staging, "README.md"));
    const mtime = `@${process.env.SOURCE_DATE_EPOCH ?? "0"}`;
    execFileSync("tar", ["--owner=0", "--group=0", "--numeric-owner", `--mtime=${mtime}`, "-czf", archive, "-C", staging, ...names]);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
