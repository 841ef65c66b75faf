/**
 * `npm run demo`: the emulator with the bundled scenario, then the root project's program
 * (examples/gate) twice: once gating a release on a task that succeeds, once on a task that
 * fails. With the Pulumi CLI on PATH it runs a real `pulumi up --yes` on a local file backend;
 * without it, the in-process engine. Exits 0 when both runs behaved as designed.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY, loadScenario, startEmulator } from "../provider/emulator";

const ROOT = path.resolve(__dirname, "..", "..");
const PROJECT = "redis-task-gate";
const SUCCEEDING_TASK = 11963;
const FAILING_TASK = 11964;

interface RunOutcome {
  code: number;
  output: string;
}

/** Runs a command, echoing its output live (so the wait is visible) and keeping a copy. */
function runLive(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk.toString().replace(/^(?=.)/gm, "    "));
    };
    child.stdout.on("data", relay(process.stdout));
    child.stderr.on("data", relay(process.stderr));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

function pulumiOnPath(): boolean {
  return spawnSync("pulumi", ["version"], { stdio: "ignore" }).status === 0;
}

/** A deployment with the real Pulumi CLI, on a throwaway local backend (no login, empty passphrase). */
function pulumiCliEngine(env: NodeJS.ProcessEnv) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-demo-"));
  const configFile = path.join(home, "Pulumi.demo.yaml");
  const pulumiEnv = { ...env, PULUMI_BACKEND_URL: `file://${home}`, PULUMI_CONFIG_PASSPHRASE: "", PULUMI_SKIP_UPDATE_CHECK: "true" };
  // The provider host resolves the package by name from the project's node_modules.
  const self = path.join(ROOT, "node_modules", "pulumi-tencentcloud-redis-task");
  if (!fs.existsSync(self)) fs.symlinkSync("..", self, "dir");
  const pulumi = (...args: string[]) => spawnSync("pulumi", [...args, "--cwd", ROOT, "--non-interactive"], { env: pulumiEnv, encoding: "utf8" });
  const init = pulumi("stack", "init", "demo", "--config-file", configFile);
  if (init.status !== 0) throw new Error(`pulumi stack init failed: ${init.stderr}`);
  const set = (key: string, value: string, secret = false) => {
    const result = pulumi("config", "set", ...(secret ? ["--secret"] : []), key, value, "--stack", "demo", "--config-file", configFile);
    if (result.status !== 0) throw new Error(`pulumi config set ${key} failed: ${result.stderr}`);
  };
  set("tencentcloud:secretId", DEFAULT_EMULATOR_SECRET_ID);
  set("tencentcloud:secretKey", DEFAULT_EMULATOR_SECRET_KEY, true);
  set("tencentcloud:region", "ap-guangzhou");
  return {
    name: "the Pulumi CLI (pulumi up --yes, local file backend)",
    up: async (requestId: number, apiVersion: string) => {
      set(`${PROJECT}:requestId`, String(requestId));
      set(`${PROJECT}:apiVersion`, apiVersion);
      return runLive("pulumi", ["up", "--yes", "--skip-preview", "--stack", "demo", "--config-file", configFile, "--cwd", ROOT, "--non-interactive"], pulumiEnv);
    },
    cleanup: () => {
      pulumi("stack", "rm", "demo", "--yes", "--force");
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A deployment with the in-process engine: the program's real SDK registrations, the real provider code. */
function inProcessEngine(env: NodeJS.ProcessEnv) {
  return {
    name: "the in-process engine (no Pulumi CLI on PATH): real SDK registrations under setMocks, real provider code",
    up: (requestId: number, apiVersion: string) =>
      runLive(
        process.execPath,
        [
          path.join(ROOT, "dist/scripts/engine/main.js"),
          "--program", path.join(ROOT, "dist/examples/gate/index.js"),
          "--project", PROJECT,
          "--project-dir", ROOT,
          "--config", `${PROJECT}:requestId=${requestId}`,
          "--config", `${PROJECT}:apiVersion=${apiVersion}`,
          "--config", `tencentcloud:secretId=${DEFAULT_EMULATOR_SECRET_ID}`,
          "--config", `tencentcloud:secretKey=${DEFAULT_EMULATOR_SECRET_KEY}`,
          "--config", "tencentcloud:region=ap-guangzhou",
        ],
        env,
      ),
    cleanup: () => undefined,
  };
}

function check(ok: boolean, what: string, failures: string[]): void {
  process.stdout.write(`  ${ok ? "ok  " : "FAIL"} ${what}\n`);
  if (!ok) failures.push(what);
}

async function main(): Promise<number> {
  const started = Date.now();
  const emulator = await startEmulator({ tasks: loadScenario(path.join(ROOT, "scenarios/demo.json")) });
  const env: NodeJS.ProcessEnv = { ...process.env, TENCENTCLOUD_REDIS_ENDPOINT: emulator.url };
  for (const key of ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECURITY_TOKEN", "TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_REGION"]) delete env[key];
  const engine = pulumiOnPath() ? pulumiCliEngine(env) : inProcessEngine(env);
  process.stdout.write(`Emulator at ${emulator.url} (scenario scenarios/demo.json)\nEngine: ${engine.name}\n\n`);
  const failures: string[] = [];
  try {
    process.stdout.write(`1. Task ${SUCCEEDING_TASK} waits ~1 s, executes ~2 s, succeeds: the release must wait for it.\n`);
    const first = await engine.up(SUCCEEDING_TASK, "v2");
    const gateDone = first.output.search(/created.*TaskWait.*resize-gate|resize-gate.*created/);
    const releaseStart = first.output.search(/creating.*ReleaseMarker.*release|release.*creating/);
    check(first.code === 0, "the deployment succeeded", failures);
    check(/task 11963: Executing/.test(first.output), "progress showed the task executing while the deployment waited", failures);
    check(gateDone >= 0 && releaseStart > gateDone, "the release was created only after the task succeeded", failures);

    process.stdout.write(`\n2. Task ${FAILING_TASK} fails (status 3), read over API 3.0 for its message: the deployment must stop with the task's error.\n`);
    const second = await engine.up(FAILING_TASK, "v3");
    check(second.code !== 0, "the deployment failed", failures);
    check(/Redis task 11964 failed: status 3 \(Failed\)/.test(second.output), "the error names the task and its status", failures);
    check(second.output.includes("insufficient capacity"), "the error carries the task's message", failures);
    check(!/creating.*ReleaseMarker/.test(second.output.slice(second.output.indexOf("11964"))), "no release was created", failures);
  } finally {
    engine.cleanup();
    await emulator.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(failures.length === 0 ? `\nDemo OK in ${seconds} s: the gate held until success and stopped on failure.\n` : `\nDemo FAILED (${failures.length} checks) in ${seconds} s.\n`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`demo: ${(error as Error).stack}\n`);
    process.exit(1);
  },
);
