/**
 * The other ways to get the provider plugin than `plugins: providers:`, through the real CLI:
 * `pulumi plugin install resource tencentcloud-redis-task <version> --file DIR` (into the plugin
 * cache) and `pulumi package add <executable>` (a local SDK for the program's language; the
 * engine then finds the plugin on PATH).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { E2eEmulator, pluginConfig, PLUGIN_SECRETS } from "./support/emulator";
import { PulumiStack } from "./support/pulumiStack";
import { describeWithCli } from "./support/describeWithCli";
import { userProject } from "./support/userProject";
import { packedProject, REPO_ROOT } from "../support/packedProject";

// A safety net: the Go SDK's generation and build took over 5 minutes with six jest workers and
// CPU burners on two cores.
jest.setTimeout(900_000);

const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
const EXECUTABLE = "pulumi-resource-tencentcloud-redis-task";

let emulator: E2eEmulator;
const stacks: PulumiStack[] = [];

beforeAll(async () => {
  emulator = await E2eEmulator.start(67_000);
});
afterAll(async () => {
  for (const stack of stacks) stack.dispose();
  await emulator?.close();
});

async function newStack(program: string, requestId: number): Promise<PulumiStack> {
  const stack = await PulumiStack.init({ projectDir: userProject(program), config: { ...pluginConfig(emulator), requestId: String(requestId) }, secrets: PLUGIN_SECRETS });
  stacks.push(stack);
  return stack;
}

describeWithCli("installing the plugin", () => {
  test("`pulumi plugin install --file DIR` with an npm prefix holding the package: a program without `plugins:` runs it from the plugin cache", async () => {
    const stack = await newStack("plugin-installed", emulator.task([{ status: 2 }]));
    // What the README tells users: npm-install the package into a directory, put the executable at its root.
    const prefix = path.join(stack.workDir, "plugin");
    const packed = packedProject();
    const tarball = fs.readdirSync(packed).find((file) => file.endsWith(".tgz"))!;
    const pulumiVersion = JSON.parse(fs.readFileSync(path.join(packed, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")).version;
    fs.mkdirSync(prefix);
    execFileSync("npm", ["install", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", path.join(packed, tarball), `@pulumi/pulumi@${pulumiVersion}`], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    fs.copyFileSync(path.join(prefix, "node_modules", "pulumi-tencentcloud-redis-task", EXECUTABLE), path.join(prefix, EXECUTABLE));
    fs.chmodSync(path.join(prefix, EXECUTABLE), 0o755);

    await stack.cli(["plugin", "install", "resource", "tencentcloud-redis-task", VERSION, "--file", prefix]);
    const listed = await stack.cli(["plugin", "ls"]);
    expect(listed.stdout).toMatch(new RegExp(`tencentcloud-redis-task\\s+resource\\s+${VERSION.replace(/\./g, "\\.")}`));
    await stack.up();
    expect(await stack.outputs()).toEqual({ status: 2 });
  });

  test("`pulumi package add <executable>` generates the Go SDK and records the package; the engine finds the plugin on PATH", async () => {
    const stack = await newStack("plugin-package-add", emulator.task([{ status: 2 }]));
    const bin = path.join(packedProject(), "node_modules", ".bin");
    await stack.cli(["package", "add", path.join(bin, EXECUTABLE)]);
    expect(fs.readFileSync(path.join(stack.projectDir, "Pulumi.yaml"), "utf8")).toContain(`tencentcloud-redis-task: tencentcloud-redis-task@${VERSION}`);
    expect(fs.readFileSync(path.join(stack.projectDir, "go.mod"), "utf8")).toContain("replace github.com/tencentcloud-redis-task/pulumi-tencentcloud-redis-task/sdk/go => ./sdks/tencentcloud-redis-task");
    await stack.up([], "success", { PATH: `${bin}${path.delimiter}${stack.env.PATH}` });
    expect(await stack.outputs()).toEqual({ status: 2 });
  });
});
