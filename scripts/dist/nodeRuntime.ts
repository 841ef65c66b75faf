/**
 * The Node.js binary of a target, fetched with `npm pack` (the ordinary client, so the npm cache
 * and registry settings apply) and checked against the pinned integrity, then kept unpacked under
 * `node_modules/.cache` so later builds start at once.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { NODE_VERSION, type DistTarget } from "./targets";

/** Returns the path of the target's `node` binary, fetching it on first use. */
export function nodeBinary(target: DistTarget, cacheRoot: string): string {
  const dir = path.join(cacheRoot, `${target.nodePackage}-${NODE_VERSION}`);
  const binary = path.join(dir, path.basename(target.nodeBinary));
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(cacheRoot, { recursive: true });
  const staging = fs.mkdtempSync(`${dir}.tmp-`);
  try {
    const spec = `${target.nodePackage}@${NODE_VERSION}`;
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", spec, "--json", "--silent", "--pack-destination", staging], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }),
    );
    if (packed.integrity !== target.integrity) throw new Error(`${spec}: integrity ${packed.integrity}, expected ${target.integrity} (scripts/dist/targets.ts)`);
    execFileSync("tar", ["-xzf", path.join(staging, packed.filename), "-C", staging, target.nodeBinary]);
    fs.mkdirSync(dir, { recursive: true });
    fs.renameSync(path.join(staging, target.nodeBinary), binary);
    return binary;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
