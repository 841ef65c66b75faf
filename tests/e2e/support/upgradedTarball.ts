/**
 * A tarball of this package at a higher version, for upgrade tests: the built package copied,
 * its version bumped, and one line added to its entry that says which version the provider host
 * loaded (the code is otherwise this version's, so only the upgrade itself is under test).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildOnce } from "../../support/buildOnce";
import { REPO_ROOT } from "../../support/packedProject";

/** The line the upgraded package writes to stderr when it is loaded. */
export const upgradeMarker = (version: string) => `[pulumi-tencentcloud-redis-task ${version} loaded]`;

/** Packs the built package as `version`; returns the tarball's path. */
export function upgradedTarball(version: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
  const stamp = fs.statSync(path.join(REPO_ROOT, "dist", "provider", "index.js")).mtimeMs;
  const dir = buildOnce(path.join(os.tmpdir(), `redis-task-upgrade-${version}-${manifest.version}-${Math.round(stamp)}`), (into) => {
    const source = path.join(into, "package");
    fs.mkdirSync(source);
    for (const entry of ["dist/provider", "scenarios", "README.md"]) fs.cpSync(path.join(REPO_ROOT, entry), path.join(source, entry), { recursive: true });
    fs.writeFileSync(path.join(source, "package.json"), JSON.stringify({ ...manifest, version }, null, 2));
    fs.appendFileSync(path.join(source, "dist/provider/index.js"), `\nprocess.stderr.write(${JSON.stringify(upgradeMarker(version) + "\n")});\n`);
    execFileSync("npm", ["pack", "--silent", "--pack-destination", into], { cwd: source, encoding: "utf8" });
  });
  const tarball = fs.readdirSync(dir).find((file) => file.endsWith(".tgz"));
  if (!tarball) throw new Error(`no tarball in ${dir}`);
  return path.join(dir, tarball);
}
