/**
 * One stack driven through the real Pulumi CLI, as Pulumi's own ProgramTest drives examples: its
 * own file backend and PULUMI_HOME, an empty passphrase, every command a plain CLI call with
 * `--non-interactive`. A command that does not end as expected throws with the command line, the
 * exit code and the whole output, and the stack's directory is kept for a look.
 */
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cleanEnv } from "../../support/emulatorEnv";
import { findPulumiCliDir } from "./pulumiCli";
import { OUTPUT_SAFETY_NET_MS } from "../../support/safetyNets";

/** One finished CLI command. */
export interface CliRun {
  command: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the command. */
  ms: number;
}

/** How a command is expected to end. */
export type Expectation = "success" | "failure" | "any";

/** Options of {@link PulumiStack.init}. */
export interface StackOptions {
  /** The Pulumi project directory (its `Pulumi.yaml`). */
  projectDir: string;
  /** Default `dev`. */
  stack?: string;
  /** Added to the environment of every command (the emulator's endpoint, say). */
  env?: NodeJS.ProcessEnv;
  /** Stack config set in plain text (`pulumi config set --plaintext`). */
  config?: Record<string, string>;
  /** Stack config set as secrets (`pulumi config set --secret`). */
  secrets?: Record<string, string>;
  /** A directory holding the backend and PULUMI_HOME, to share one backend between stacks. */
  workDir?: string;
}

/** A stack on a private local backend. */
export class PulumiStack {
  private kept = false;

  private constructor(
    readonly projectDir: string,
    readonly stack: string,
    readonly workDir: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Creates the stack (`pulumi stack init`) and sets its config. */
  static async init(options: StackOptions): Promise<PulumiStack> {
    const cliDir = findPulumiCliDir();
    if (!cliDir) throw new Error("no Pulumi CLI: the suite should have been skipped");
    const workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-e2e-"));
    const backend = path.join(workDir, "backend");
    fs.mkdirSync(backend, { recursive: true });
    const env = cleanEnv({
      PATH: `${cliDir}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_BACKEND_URL: `file://${backend}`,
      PULUMI_HOME: path.join(workDir, "home"),
      PULUMI_CONFIG_PASSPHRASE: "",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      ...options.env,
    });
    delete env.PULUMI_ACCESS_TOKEN;
    const stack = new PulumiStack(options.projectDir, options.stack ?? "dev", workDir, env);
    await stack.cli(["stack", "init", stack.stack]);
    await stack.setConfig(options.config ?? {}, options.secrets ?? {});
    return stack;
  }

  /** Sets config in one call: plain values and secrets. */
  async setConfig(plain: Record<string, string>, secrets: Record<string, string> = {}): Promise<void> {
    const args = [
      ...Object.entries(plain).map(([key, value]) => `--plaintext=${key}=${value}`),
      ...Object.entries(secrets).map(([key, value]) => `--secret=${key}=${value}`),
    ];
    if (args.length > 0) await this.cli(["config", "set-all", "--stack", this.stack, ...args]);
  }

  /**
   * Starts a command; for signals and events. Output is collected in the returned promise;
   * `waitForOutput` resolves as soon as stdout so far matches, and rejects if the command ends
   * first, or after `ms` (a safety net, not a pace), showing the output.
   */
  start(
    args: string[],
    options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
  ): { child: ChildProcess; done: Promise<CliRun>; waitForOutput(pattern: RegExp, ms?: number): Promise<void> } {
    const full = [...args, "--non-interactive", "--color=never"];
    const command = `pulumi ${full.join(" ")}`;
    const started = Date.now();
    const child = spawn("pulumi", full, { cwd: options.cwd ?? this.projectDir, env: { ...this.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<CliRun>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => resolve({ command, code, signal, stdout, stderr, ms: Date.now() - started }));
    });
    const waitForOutput = (pattern: RegExp, ms = OUTPUT_SAFETY_NET_MS): Promise<void> =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(stdout)) return;
          stop();
          resolve();
        };
        const fail = (why: string) => () => {
          stop();
          reject(new Error(`no ${pattern} ${why} from \`${command}\` in:\n${stdout}`));
        };
        const timer = setTimeout(fail(`within ${ms} ms`), ms);
        const ended = fail("before the command ended");
        const stop = () => {
          clearTimeout(timer);
          child.stdout!.off("data", check);
          child.off("close", ended);
        };
        child.stdout!.on("data", check);
        child.on("close", ended);
        check();
      });
    return { child, done, waitForOutput };
  }

  /** Runs a command to its end and checks how it ended. */
  async cli(args: string[], expect: Expectation = "success", options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
    return this.checked(await this.start(args, options).done, expect, options.cwd);
  }

  /**
   * `pulumi up --yes` that calls `then` as soon as its output matches `pattern`, then checks how it
   * ended. The event a test acts on, e.g. the gate's first progress line (`task 7: Executing`)
   * before the test lets the task succeed: "finishes while the gate waits", on any machine.
   */
  async upUntil(pattern: RegExp, then: () => unknown, options: { args?: string[]; expect?: Expectation; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
    const { args = [], expect = "success", env } = options;
    const { done, waitForOutput } = this.start(["up", "--yes", "--stack", this.stack, ...args], { env });
    const [run] = await Promise.all([done, waitForOutput(pattern).then(then)]);
    return this.checked(run, expect);
  }

  private checked(run: CliRun, expect: Expectation, cwd?: string): CliRun {
    const ok = expect === "any" || (expect === "success" ? run.code === 0 : run.code !== 0 && run.code !== null);
    if (!ok) {
      this.kept = true;
      throw new Error(
        `expected ${expect} of \`${run.command}\` in ${cwd ?? this.projectDir}, got exit ${run.code}${run.signal ? ` (${run.signal})` : ""} ` +
          `after ${run.ms} ms; stack files kept in ${this.workDir}\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`,
      );
    }
    return run;
  }

  /** `pulumi up --yes` (preview included, as users run it). */
  up(extra: string[] = [], expect: Expectation = "success", env?: NodeJS.ProcessEnv): Promise<CliRun> {
    return this.cli(["up", "--yes", "--stack", this.stack, ...extra], expect, { env });
  }

  preview(extra: string[] = [], expect: Expectation = "success", env?: NodeJS.ProcessEnv): Promise<CliRun> {
    return this.cli(["preview", "--stack", this.stack, ...extra], expect, { env });
  }

  refresh(extra: string[] = [], expect: Expectation = "success"): Promise<CliRun> {
    return this.cli(["refresh", "--yes", "--stack", this.stack, ...extra], expect);
  }

  destroy(extra: string[] = [], expect: Expectation = "success"): Promise<CliRun> {
    return this.cli(["destroy", "--yes", "--stack", this.stack, ...extra], expect);
  }

  /** `pulumi stack output --json`; secrets shown as `[secret]` unless `showSecrets`. */
  async outputs(showSecrets = false): Promise<Record<string, unknown>> {
    const run = await this.cli(["stack", "output", "--json", "--stack", this.stack, ...(showSecrets ? ["--show-secrets"] : [])]);
    return JSON.parse(run.stdout);
  }

  /** `pulumi stack export` as parsed JSON. */
  async exportState(showSecrets = false): Promise<StackExport> {
    const run = await this.cli(["stack", "export", "--stack", this.stack, ...(showSecrets ? ["--show-secrets"] : [])]);
    return JSON.parse(run.stdout);
  }

  /** The resources of one type in the exported state. */
  async resourcesOfType(type: string): Promise<ExportedResource[]> {
    return (await this.exportState()).deployment.resources?.filter((resource) => resource.type === type) ?? [];
  }

  /** Removes the stack's files (backend, home, its config file beside Pulumi.yaml) unless a failed command asked to keep them. */
  dispose(): void {
    if (this.kept) return;
    fs.rmSync(this.workDir, { recursive: true, force: true });
    fs.rmSync(path.join(this.projectDir, `Pulumi.${this.stack}.yaml`), { force: true });
  }
}

/** One resource of `pulumi stack export`. */
export interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  initErrors?: string[];
  dependencies?: string[];
}

/** What `pulumi stack export` prints (the parts the tests read). */
export interface StackExport {
  version: number;
  deployment: { resources?: ExportedResource[]; pending_operations?: unknown[] };
}
