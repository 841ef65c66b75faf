/**
 * A Node.js single executable application: the bundled plugin written into a preparation blob by
 * the pinned Node.js (the blob's format belongs to the Node version that runs it), then injected
 * into a copy of each target's `node` binary with `postject`, as Node's SEA documentation does it.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The fuse Node.js looks for to know that a blob was injected (Node's SEA documentation). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/** Writes the preparation blob of `script` with `node` (the embedded runtime's version); returns its path. */
export function seaBlob(node: string, script: string, workDir: string): string {
  const blob = path.join(workDir, "plugin.blob");
  const config = path.join(workDir, "sea-config.json");
  // No code cache or snapshot: both are tied to the CPU of the machine that writes them, and the
  // blob is shared by every target.
  fs.writeFileSync(config, JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false, useSnapshot: false }));
  execFileSync(node, ["--experimental-sea-config", config], { cwd: workDir, stdio: ["ignore", "ignore", "pipe"] });
  return blob;
}

/**
 * Copies `node` to `executable` and injects `blob` into it. postject runs as its own process: its
 * ELF writer prints warnings about `.note` sections that Node's documentation calls expected, and
 * they would bury real errors, so its output is shown only when it fails.
 */
export function seaExecutable(node: string, blob: string, executable: string, macho: boolean): void {
  fs.copyFileSync(node, executable);
  fs.chmodSync(executable, 0o755);
  const args = [require.resolve("postject/dist/cli.js"), executable, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE, ...(macho ? ["--macho-segment-name", "NODE_SEA"] : [])];
  const run = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`postject failed on ${executable} (exit ${run.status}):\n${run.stdout}${run.stderr}`);
}
