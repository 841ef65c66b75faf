/**
 * Finding the Pulumi CLI the end-to-end suite drives: `PULUMI_CLI_DIR` when set, else `pulumi` on
 * `PATH`. Users install the CLI the usual way; CI builds it with `../shared/pulumi-cli/install.sh`.
 */
import * as fs from "fs";
import * as path from "path";

/** The directory holding `pulumi` and its language hosts, or undefined when there is none. */
export function findPulumiCliDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.PULUMI_CLI_DIR ? [env.PULUMI_CLI_DIR] : (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  return candidates.find((dir) => isExecutable(path.join(dir, "pulumi")));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The one line the suite prints when it skips for want of a CLI. */
export const NO_CLI_MESSAGE =
  "end-to-end suite skipped: no Pulumi CLI found (put `pulumi` on PATH or set PULUMI_CLI_DIR; in this workplace `../shared/pulumi-cli/install.sh` builds one)";

/**
 * True when the run is CI: any non-empty `CI` other than `false` or `0` (Jenkins and others set
 * `CI=1` or a name, not only `true`).
 */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "false" && value !== "0";
}
