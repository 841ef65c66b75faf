/**
 * The provider plugin installed as users of other providers get theirs, through the real CLI:
 * the release archive `npm run dist` builds (this machine's platform), a Node.js single
 * executable, either downloaded by the engine itself from the schema's `pluginDownloadURL` (a
 * local server stands in for the GitHub release) into an empty PULUMI_HOME, or installed with
 * `pulumi plugin install --file`. No program has a `plugins:` section, and where PATH holds no
 * `node` the plugin runs all the same.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { distArchive, HOST_PLATFORM } from "./support/distArchive";
import { E2eEmulator, pluginConfig, PLUGIN_SECRETS } from "./support/emulator";
import { describeWithCli } from "./support/describeWithCli";
import { findPulumiCliDir } from "./support/pulumiCli";
import { PulumiStack } from "./support/pulumiStack";
import { pythonVenv } from "./support/pythonVenv";
import { startReleaseServer, type ReleaseServer } from "./support/releaseServer";
import { userProject } from "./support/userProject";
import { REPO_ROOT } from "../support/packedProject";

jest.setTimeout(600_000);

const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8"));
const EXECUTABLE = "pulumi-resource-tencentcloud-redis-task";

let emulator: E2eEmulator;
let server: ReleaseServer;
const stacks: PulumiStack[] = [];

beforeAll(async () => {
  emulator = await E2eEmulator.start(72_000);
  server = await startReleaseServer(distArchive().dir);
});
afterAll(async () => {
  for (const stack of stacks) stack.dispose();
  await server?.close();
  await emulator?.close();
});

/** A user's copy of `program` without its `plugins:` section: the engine must find the plugin itself. */
function projectWithoutPlugins(program: string): string {
  const dir = userProject(program);
  const manifest = path.join(dir, "Pulumi.yaml");
  fs.writeFileSync(manifest, fs.readFileSync(manifest, "utf8").replace(/^plugins:\n(?:[ \t]+.*\n?)*/m, ""));
  expect(fs.readFileSync(manifest, "utf8")).not.toMatch(/^plugins:/m);
  return dir;
}

/** A stack of `projectDir` gating on two tasks that already succeeded. */
async function gateStack(projectDir: string, env: NodeJS.ProcessEnv = {}): Promise<{ stack: PulumiStack; task: number }> {
  const task = emulator.task([{ status: 2 }], { instanceId: "crs-dist" });
  const config = { ...pluginConfig(emulator), requestId: String(task), afterRequestId: String(emulator.task([{ status: 2 }])) };
  const stack = await PulumiStack.init({ projectDir, config, secrets: PLUGIN_SECRETS, env });
  stacks.push(stack);
  return { stack, task };
}

/** The plugin's directory in the stack's PULUMI_HOME. */
const installedPlugin = (stack: PulumiStack, version: string) => path.join(stack.workDir, "home", "plugins", `resource-tencentcloud-redis-task-v${version}`);

/** Runs `up` with the engine free to download plugins, sent to the release server; asserts it fetched the archive. */
async function upDownloadingThePlugin(stack: PulumiStack, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const { version } = distArchive();
  expect(fs.existsSync(installedPlugin(stack, version))).toBe(false);
  const before = server.requests.length;
  // Ambient plugins off: the development launcher in node_modules/.bin on the test's PATH would be found first.
  const downloading = { ...server.overrideEnv(SCHEMA.pluginDownloadURL), PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: undefined, PULUMI_IGNORE_AMBIENT_PLUGINS: "true" };
  await stack.up([], "success", { ...downloading, ...env });
  expect(server.requests.slice(before)).toContain(`/pulumi-resource-tencentcloud-redis-task-v${version}-${HOST_PLATFORM}.tar.gz`);
  expect(fs.existsSync(path.join(installedPlugin(stack, version), EXECUTABLE))).toBe(true);
}

describeWithCli("the release archive", () => {
  test("Python: a program that only pip-installed sdk/python runs a gate; the engine downloaded the plugin from pluginDownloadURL into an empty PULUMI_HOME", async () => {
    const projectDir = projectWithoutPlugins("plugin-python");
    fs.symlinkSync(pythonVenv(path.join(projectDir, "requirements.txt"), path.join(REPO_ROOT, "sdk", "python")), path.join(projectDir, "venv"), "dir");
    const { stack, task } = await gateStack(projectDir);
    await upDownloadingThePlugin(stack);
    expect(await stack.outputs()).toMatchObject({ status: 2, statusText: "Succeeded" });
    expect(emulator.calls(task)).toBeGreaterThanOrEqual(1);
  });

  test("Node.js: a program using `pulumi-tencentcloud-redis-task/plugin` runs a gate; the engine downloaded the plugin from the pluginDownloadURL the SDK sends", async () => {
    const { stack, task } = await gateStack(projectWithoutPlugins("plugin-node"));
    await upDownloadingThePlugin(stack);
    expect(await stack.outputs()).toMatchObject({ status: 2, statusText: "Succeeded" });
    expect(emulator.calls(task)).toBeGreaterThanOrEqual(1);
  });

  test("YAML: with the archive installed by `pulumi plugin install --file`, a program without `plugins:` runs a gate with only the CLI's directory on PATH (no node)", async () => {
    const cliDir = findPulumiCliDir()!;
    expect(fs.existsSync(path.join(cliDir, "node"))).toBe(false);
    const onlyCli = { PATH: cliDir };
    const { archive, version } = distArchive();
    const { stack, task } = await gateStack(userProject("plugin-installed"), onlyCli);
    await stack.cli(["plugin", "install", "resource", "tencentcloud-redis-task", version, "--file", archive], "success", { env: onlyCli });
    expect(fs.existsSync(path.join(installedPlugin(stack, version), EXECUTABLE))).toBe(true);
    await stack.up([], "success", onlyCli);
    expect(await stack.outputs()).toEqual({ status: 2 });
    expect(emulator.calls(task)).toBeGreaterThanOrEqual(1);
  });

  test("Go: a program using the Go SDK runs a gate with no node on PATH; the engine downloaded the plugin from pluginDownloadURL", async () => {
    const goDir = path.dirname(fs.realpathSync(execFileSync("sh", ["-c", "command -v go"], { encoding: "utf8" }).trim()));
    expect(fs.existsSync(path.join(goDir, "node"))).toBe(false);
    const { stack, task } = await gateStack(projectWithoutPlugins("plugin-go"));
    await upDownloadingThePlugin(stack, { PATH: `${findPulumiCliDir()}${path.delimiter}${goDir}` });
    expect(await stack.outputs()).toMatchObject({ status: 2, statusText: "Succeeded" });
    expect(emulator.calls(task)).toBeGreaterThanOrEqual(1);
  });
});
