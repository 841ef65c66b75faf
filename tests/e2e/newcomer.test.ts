/**
 * The repository as a newcomer finds it, through the real CLI: a fresh copy, the README's install
 * step, the demo, then the root project and the reference examples by hand with `pulumi`.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { E2eEmulator, EMULATOR_CONFIG, EMULATOR_SECRETS } from "./support/emulator";
import { describeWithCli } from "./support/describeWithCli";
import { freshClone } from "./support/freshClone";
import { PulumiStack } from "./support/pulumiStack";
import { findPulumiCliDir } from "./support/pulumiCli";
import { cleanEnv } from "../support/emulatorEnv";

jest.setTimeout(300_000);

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
const RELEASE = "pulumi-nodejs:dynamic/redis-task-example:ReleaseMarker";

let clone: string;
let emulator: E2eEmulator;
const stacks: PulumiStack[] = [];

beforeAll(async () => {
  if (!findPulumiCliDir()) return;
  clone = freshClone("newcomer");
  emulator = await E2eEmulator.start(63_000);
});
afterAll(async () => {
  for (const stack of stacks) stack.dispose();
  await emulator?.close();
});

describeWithCli("the repository as a newcomer finds it", () => {
  test("`npm run demo` with the CLI on PATH builds, runs the real `pulumi up` twice, checks both and exits 0", async () => {
    const env = cleanEnv({ PATH: `${findPulumiCliDir()}${path.delimiter}${process.env.PATH}` });
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile("npm", ["run", "demo"], { cwd: clone, env, maxBuffer: 16 * 1024 * 1024 }, (error, out) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: out }),
      ),
    );
    expect(stdout).toContain("Engine: the Pulumi CLI (pulumi up --yes, local file backend)");
    expect(stdout).toMatch(/Updating \(demo-succeeds\)/);
    expect(stdout.match(/^ {2}ok {3}/gm)).toHaveLength(7);
    expect(stdout).toMatch(/Demo OK in \d+\.\d s/);
    expect(code).toBe(0);
    // It cleans up after itself: no stack config left beside Pulumi.yaml.
    expect(fs.readdirSync(clone).filter((file) => /^Pulumi\..+\.yaml$/.test(file))).toEqual([]);
  });

  test("root `pulumi up` creates the gate, then the release; preview shows no change; refresh; destroy makes no API call", async () => {
    const id = emulator.task([{ status: 1, ms: 1500 }, { status: 2 }], { instanceId: "crs-root" });
    const stack = await PulumiStack.init({
      projectDir: clone,
      env: { TENCENTCLOUD_REDIS_ENDPOINT: emulator.url },
      config: { ...EMULATOR_CONFIG, "redis-task-gate:requestId": String(id) },
      secrets: EMULATOR_SECRETS,
    });
    stacks.push(stack);
    await stack.up();
    const outputs = await stack.outputs();
    expect(outputs).toMatchObject({ taskStatus: "Succeeded" });
    expect(Object.keys(outputs).sort()).toEqual(["releasedAt", "taskCompletedAt", "taskPolls", "taskStatus", "taskWaitedSeconds"]);
    expect(Date.parse(String(outputs.releasedAt))).toBeGreaterThanOrEqual(Date.parse(String(outputs.taskCompletedAt)));
    const types = (await stack.exportState()).deployment.resources!.map((resource) => resource.type);
    expect(types).toEqual(expect.arrayContaining([TASK_WAIT, RELEASE]));

    await stack.preview(["--expect-no-changes"]);
    const beforeRefresh = emulator.calls(id);
    await stack.refresh();
    // A refresh reads once per pass (its preview, then the refresh itself) and never waits.
    expect(emulator.calls(id) - beforeRefresh).toBe(2);
    await stack.preview(["--expect-no-changes"]);
    const beforeDestroy = emulator.calls(id);
    await stack.destroy();
    expect(emulator.calls(id)).toBe(beforeDestroy);
    expect((await stack.exportState()).deployment.resources ?? []).toHaveLength(0);
  });

  test("examples/reference exports a task's state with getTaskInfoOutput; its consumer reads it through a StackReference", async () => {
    const id = emulator.task([{ status: 2 }], { instanceId: "crs-ref" });
    const producer = await PulumiStack.init({
      projectDir: path.join(clone, "examples/reference"),
      env: { TENCENTCLOUD_REDIS_ENDPOINT: emulator.url },
      config: { ...EMULATOR_CONFIG, "redis-task-reference:requestId": String(id), "redis-task-reference:apiVersion": "v3" },
      secrets: EMULATOR_SECRETS,
    });
    stacks.push(producer);
    await producer.up();
    expect(await producer.outputs()).toEqual({ requestId: id, status: 2, statusText: "Succeeded", region: "ap-guangzhou", instanceId: "crs-ref" });

    const consumer = await PulumiStack.init({
      projectDir: path.join(clone, "examples/reference/consumer"),
      workDir: producer.workDir,
      config: { "redis-task-reference-consumer:producerStack": "organization/redis-task-reference/dev" },
    });
    await consumer.up();
    expect(await consumer.outputs()).toEqual({ taskSucceeded: true, summary: `task ${id} in ap-guangzhou: Succeeded` });
  });
});
