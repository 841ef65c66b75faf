/**
 * `npm run bench:dist`: what the release archive costs and gives, on this machine. Builds this
 * platform's archive (as `npm run dist` does), then measures
 * - archive and executable size;
 * - plugin start-up, process start to the port on stdout (what the engine waits for), for the
 *   single executable with no `node` on PATH and for today's `sh` + `node` launcher;
 * - one-gate `pulumi up` of a YAML program through each (the task already succeeded, so the
 *   figure is the engine, plugin start and one poll), with the CLI on PATH (`PULUMI_BIN`).
 * Prints a Markdown table; figures go to docs/BENCHMARKS.md.
 */
import { execFile, execFileSync, spawn } from "child_process";
import { promisify } from "util";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY, startEmulator } from "../provider/emulator";
import { median, percentile } from "./stats";

const ROOT = path.resolve(__dirname, "..", "..");
const PLATFORM = `${process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`;
const STARTS = Number(process.env.BENCH_DIST_STARTS ?? 15);
const UPS = Number(process.env.BENCH_DIST_UPS ?? 3);

/** Milliseconds from spawning `command` to its first stdout line. */
function timeToPort(command: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, ["127.0.0.1:1"], { env, stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.on("error", reject);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes("\n")) return;
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
      child.kill();
    });
  });
}

async function startups(command: string, env: NodeJS.ProcessEnv): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < STARTS; i++) samples.push(await timeToPort(command, env));
  return samples;
}

/** Wall times of `pulumi up` on a fresh stack per run, the plugin given by `prepare`. */
async function ups(label: string, cliDir: string, prepare: (project: string, env: NodeJS.ProcessEnv) => void, pathDirs: string[]): Promise<number[]> {
  const emulator = await startEmulator();
  const samples: number[] = [];
  try {
    for (let i = 0; i < UPS; i++) {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), `redis-task-bench-dist-${label}-`));
      const project = path.join(work, "project");
      fs.cpSync(path.join(ROOT, "tests", "e2e", "programs", "plugin-installed"), project, { recursive: true });
      const env = {
        PATH: [cliDir, ...pathDirs].join(path.delimiter),
        HOME: process.env.HOME,
        PULUMI_HOME: path.join(work, "home"),
        PULUMI_BACKEND_URL: `file://${work}`,
        PULUMI_CONFIG_PASSPHRASE: "",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      };
      const pulumi = (args: string[]) => execFileSync(path.join(cliDir, "pulumi"), [...args, "--non-interactive"], { cwd: project, env, stdio: ["ignore", "pipe", "pipe"] });
      pulumi(["stack", "init", "bench"]);
      const requestId = 900_000 + i;
      emulator.addTask({ requestId, timeline: [{ status: 2 }] });
      pulumi(["config", "set-all", `--plaintext=requestId=${requestId}`, `--plaintext=tencentcloud-redis-task:endpoint=${emulator.url}`,
        `--plaintext=tencentcloud-redis-task:secretId=${DEFAULT_EMULATOR_SECRET_ID}`, `--secret=tencentcloud-redis-task:secretKey=${DEFAULT_EMULATOR_SECRET_KEY}`,
        "--plaintext=tencentcloud-redis-task:region=ap-guangzhou"]);
      prepare(project, env);
      // Asynchronously: the emulator answering the plugin runs in this process.
      const started = Date.now();
      await promisify(execFile)(path.join(cliDir, "pulumi"), ["up", "--yes", "--non-interactive"], { cwd: project, env });
      samples.push(Date.now() - started);
      fs.rmSync(work, { recursive: true, force: true });
    }
  } finally {
    await emulator.close();
  }
  return samples;
}

const summary = (samples: number[]) => `median ${median(samples).toFixed(0)} ms, p90 ${percentile(samples, 90).toFixed(0)} ms (n=${samples.length})`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-bench-dist-"));
  try {
    const buildStarted = Date.now();
    execFileSync(process.execPath, [path.join(ROOT, "dist", "scripts", "dist", "main.js"), "--targets", PLATFORM, "--no-wheel", "--out", out], { stdio: "ignore" });
    const buildMs = Date.now() - buildStarted;
    const archive = path.join(out, fs.readdirSync(out).find((file) => file.endsWith(".tar.gz"))!);
    const unpacked = path.join(out, "unpacked");
    fs.mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", archive, "-C", unpacked]);
    const executable = path.join(unpacked, "pulumi-resource-tencentcloud-redis-task");
    const nodeDir = path.dirname(process.execPath);
    const rows: [string, string][] = [
      ["archive (one target, build incl. bundle + blob)", `${mib(fs.statSync(archive).size)} (${(buildMs / 1000).toFixed(1)} s)`],
      ["executable", mib(fs.statSync(executable).size)],
      ["start to port: single executable, no node on PATH", summary(await startups(executable, { PATH: "/usr/bin:/bin" }))],
      [`start to port: sh + node ${process.version} launcher`, summary(await startups(path.join(ROOT, "pulumi-resource-tencentcloud-redis-task"), { PATH: `/usr/bin:/bin:${nodeDir}` }))],
    ];
    const cliDir = process.env.PULUMI_BIN ?? (fs.existsSync("/work/notes/PULUMI_BIN") ? fs.readFileSync("/work/notes/PULUMI_BIN", "utf8").trim() : "");
    if (cliDir && fs.existsSync(path.join(cliDir, "pulumi"))) {
      const viaArchive = await ups("archive", cliDir, (project, env) => {
        execFileSync(path.join(cliDir, "pulumi"), ["plugin", "install", "resource", "tencentcloud-redis-task", JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version, "--file", archive], { cwd: project, env, stdio: "ignore" });
      }, []);
      rows.push(["one-gate `pulumi up`, plugin from the archive (no node on PATH)", summary(viaArchive)]);
      const viaLauncher = await ups("launcher", cliDir, (project) => {
        fs.appendFileSync(path.join(project, "Pulumi.yaml"), `plugins:\n  providers:\n    - name: tencentcloud-redis-task\n      path: ${ROOT}\n`);
      }, [nodeDir]);
      rows.push(["one-gate `pulumi up`, plugin = sh + node launcher (plugins: path)", summary(viaLauncher)]);
    } else {
      rows.push(["one-gate `pulumi up`", "skipped: no Pulumi CLI (set PULUMI_BIN to its directory)"]);
    }
    process.stdout.write(`| ${os.cpus().length} cores, ${PLATFORM} | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join("\n")}\n`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:dist: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
