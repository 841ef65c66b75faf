/**
 * Builds a directory once for every jest worker and run that needs it: the first caller builds
 * and writes a `.ready` marker, concurrent callers wait for it, later runs reuse it. A lock left
 * by a killed run is taken over once it is older than any build.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";

/** Returns `dir`, calling `build(dir)` (into an emptied `dir`) unless it was built already. */
export function buildOnce(dir: string, build: (dir: string) => void, staleLockMs = 300_000): string {
  const ready = `${dir}/.ready`;
  if (fs.existsSync(ready)) return dir;
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      fs.mkdirSync(lock, { recursive: false });
      break;
    } catch {
      if (fs.existsSync(ready)) return dir;
      const stat = fs.statSync(lock, { throwIfNoEntry: false });
      if (stat && Date.now() - stat.mtimeMs > staleLockMs) fs.rmSync(lock, { recursive: true, force: true });
      execFileSync("sleep", ["0.5"]);
    }
  }
  try {
    if (fs.existsSync(ready)) return dir;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    build(dir);
    fs.writeFileSync(ready, new Date().toISOString());
    return dir;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
