/**
 * The demo on the real Pulumi CLI: `pulumi up --yes` of the root project on a throwaway local
 * backend (no login, empty passphrase), one stack per run. The stacks' config files go beside
 * Pulumi.yaml, where the CLI keeps them, and are removed afterwards.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY } from "../../provider/emulator";
import { demoConfig, type DemoEngine, type Deployment } from "./deployment";
import { runLive } from "./runLive";

/** True when `pulumi` runs from PATH. */
export function pulumiOnPath(env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync("pulumi", ["version"], { stdio: "ignore", env }).status === 0;
}

export function pulumiCliEngine(root: string, project: string, env: NodeJS.ProcessEnv): DemoEngine {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-demo-"));
  fs.mkdirSync(path.join(home, "backend"));
  const pulumiEnv: NodeJS.ProcessEnv = {
    ...env,
    PULUMI_BACKEND_URL: `file://${path.join(home, "backend")}`,
    PULUMI_HOME: path.join(home, "home"),
    PULUMI_CONFIG_PASSPHRASE: "",
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  const stacks: string[] = [];
  const pulumi = (...args: string[]) => {
    const result = spawnSync("pulumi", [...args, "--non-interactive"], { cwd: root, env: pulumiEnv, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`pulumi ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  return {
    name: "the Pulumi CLI (pulumi up --yes, local file backend)",
    async up(stack: string, requestId: number, apiVersion: "v2" | "v3"): Promise<Deployment> {
      pulumi("stack", "init", stack);
      stacks.push(stack);
      const plain = Object.entries(demoConfig(project, requestId, apiVersion, DEFAULT_EMULATOR_SECRET_ID)).map(([k, v]) => `--plaintext=${k}=${v}`);
      pulumi("config", "set-all", "--stack", stack, ...plain, `--secret=tencentcloud:secretKey=${DEFAULT_EMULATOR_SECRET_KEY}`);
      const { code, output } = await runLive("pulumi", ["up", "--yes", "--stack", stack, "--non-interactive"], pulumiEnv, root);
      const outputs = JSON.parse(pulumi("stack", "output", "--json", "--stack", stack));
      const exported = JSON.parse(pulumi("stack", "export", "--stack", stack));
      const createdTypes = (exported.deployment.resources ?? []).map((resource: { type: string }) => resource.type);
      return { code, output, outputs, createdTypes };
    },
    cleanup() {
      for (const stack of stacks) {
        spawnSync("pulumi", ["stack", "rm", stack, "--yes", "--force", "--non-interactive"], { cwd: root, env: pulumiEnv });
        fs.rmSync(path.join(root, `Pulumi.${stack}.yaml`), { force: true });
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
