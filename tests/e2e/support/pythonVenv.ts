/**
 * A Python virtualenv for the Python programs: `pulumi` and its dependencies as the program's
 * requirements.txt pins them, plus the generated SDK (or, for the official-client tests, the
 * requirements alone). Built once per content (requirements, SDK,
 * Python version) under the temp directory and reused, since creating one takes seconds to
 * minutes; a program links its `venv` to it.
 */
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The Python interpreter the virtualenvs are made with. */
const PYTHON = process.env.REDIS_TASK_PYTHON || "python3";

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else hash.update(full.slice(dir.length)).update(fs.readFileSync(full));
  }
}

/** Returns the path of a virtualenv with `requirements` and the SDK in `sdkDir` (if given) installed. */
export function pythonVenv(requirements: string, sdkDir?: string): string {
  const hash = createHash("sha256").update(execFileSync(PYTHON, ["--version"], { encoding: "utf8" })).update(fs.readFileSync(requirements));
  if (sdkDir) hashTree(hash, sdkDir);
  const root = path.join(os.tmpdir(), "redis-task-venvs");
  const venv = path.join(root, hash.digest("hex").slice(0, 16));
  if (fs.existsSync(path.join(venv, ".ready"))) return venv;
  // A venv records its own path in its scripts, so it is built where it stays; a directory
  // without `.ready` is what an interrupted build left. (Each venv is built by one test file.)
  fs.rmSync(venv, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  try {
    execFileSync(PYTHON, ["-m", "venv", venv], { stdio: "ignore" });
    // pip builds a local project in place; a copy keeps build output out of the installed package.
    const sdkCopy = sdkDir ? path.join(venv, "sdk-source") : undefined;
    if (sdkDir && sdkCopy) fs.cpSync(sdkDir, sdkCopy, { recursive: true });
    const pip = path.join(venv, "bin", "pip");
    execFileSync(pip, ["install", "--quiet", "--disable-pip-version-check", "-r", requirements, ...(sdkCopy ? [sdkCopy] : [])], { stdio: ["ignore", "ignore", "inherit"] });
    if (sdkCopy) fs.rmSync(sdkCopy, { recursive: true, force: true });
    fs.writeFileSync(path.join(venv, ".ready"), new Date().toISOString());
    return venv;
  } catch (error) {
    fs.rmSync(venv, { recursive: true, force: true });
    throw error;
  }
}
