/**
 * The demo without a Pulumi CLI: the root project run by the in-process engine
 * (`scripts/engine`), which picks the program and loads its dynamic providers as the CLI does.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY } from "../../provider/emulator";
import { demoConfig, type DemoEngine, type Deployment } from "./deployment";
import { runLive } from "./runLive";

export function inProcessEngine(root: string, project: string, env: NodeJS.ProcessEnv): DemoEngine {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-demo-"));
  return {
    name: "the in-process engine (no Pulumi CLI on PATH): the program the CLI would run, real SDK registrations under setMocks, real provider code",
    async up(stack: string, requestId: number, apiVersion: "v2" | "v3"): Promise<Deployment> {
      const resultFile = path.join(dir, `${stack}.json`);
      const config = { ...demoConfig(project, requestId, apiVersion, DEFAULT_EMULATOR_SECRET_ID), "tencentcloud:secretKey": DEFAULT_EMULATOR_SECRET_KEY };
      const args = [path.join(root, "dist/scripts/engine/main.js"), "--project-dir", root, "--stack", stack, "--result-file", resultFile];
      for (const [key, value] of Object.entries(config)) args.push("--config", `${key}=${value}`);
      const { code, output } = await runLive(process.execPath, args, env, root);
      const result = JSON.parse(fs.readFileSync(resultFile, "utf8"));
      return { code, output, outputs: result.outputs ?? {}, createdTypes: result.created.map((r: { type: string }) => r.type) };
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
