/** The built CLI as a user runs it: a child process, its output, exit code and wall time. */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../support/packedProject";

export const CLI = path.join(REPO_ROOT, "dist", "provider", "cli", "main.js");

/** One finished CLI run. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Throws when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
}

/**
 * Runs the CLI to completion. A run still going after `killAfterMs` is killed (SIGKILL) so a hang
 * shows up as a failed assertion on `signal`/`wallMs` rather than a stuck test.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv, killAfterMs = 25_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const killer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, wallMs: Date.now() - started });
    });
  });
}
