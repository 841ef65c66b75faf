/**
 * The Python SDK as a wheel (`pip wheel`, from a copy: a build in place would leave `build/` and
 * `*.egg-info` in sdk/python). Its version is the schema's, which equals the npm package's.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** Builds the wheel of `sdkDir` into `outDir`; returns its file name. */
export function buildWheel(sdkDir: string, outDir: string, python = process.env.REDIS_TASK_PYTHON || "python3"): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-wheel-"));
  try {
    fs.cpSync(sdkDir, copy, { recursive: true });
    const before = new Set(fs.readdirSync(outDir));
    execFileSync(python, ["-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps", "--wheel-dir", outDir, copy], { stdio: ["ignore", "ignore", "inherit"] });
    const wheel = fs.readdirSync(outDir).find((file) => file.endsWith(".whl") && !before.has(file));
    if (!wheel) throw new Error(`pip wheel wrote no new wheel into ${outDir}`);
    return wheel;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
