/**
 * The example programs, run whole by the in-process engine (`scripts/engine`): the real SDK
 * registrations under setMocks, dynamic resources handed to their real provider code, against
 * the emulator. Credentials arrive as stack config, as `pulumi config set --secret` gives them.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { REPO_ROOT } from "../support/packedProject";
import { cleanEnv, SECRET_KEY, STACK_CONFIG } from "../support/emulatorEnv";

jest.setTimeout(60_000);
const run = promisify(execFile);

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    tasks: [
      { requestId: 7001, timeline: [{ status: 0, ms: 300 }, { status: 1, ms: 700 }, { status: 2 }] },
      { requestId: 7002, timeline: [{ status: 1, ms: 300 }, { status: 3 }], taskMessage: "resize failed: no capacity" },
      { requestId: 7003, timeline: [{ status: 2 }], instanceId: "crs-ref" },
    ],
  });
});
afterAll(() => emulator?.close());

/** Runs a compiled example with the in-process engine; never rejects, returns exit code and output. */
async function runExample(program: string, project: string, config: Record<string, string>, extra: string[] = []) {
  const args = [path.join(REPO_ROOT, "dist/scripts/engine/main.js"), "--program", path.join(REPO_ROOT, "dist/examples", program), "--project", project, "--project-dir", REPO_ROOT];
  for (const [key, value] of Object.entries({ ...STACK_CONFIG, ...config })) args.push("--config", `${key}=${value}`);
  try {
    const { stdout, stderr } = await run(process.execPath, [...args, ...extra], { cwd: REPO_ROOT, env: cleanEnv({ TENCENTCLOUD_REDIS_ENDPOINT: emulator.url }) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test("gate: the dependent resource is registered only after the task succeeded", async () => {
  const result = await runExample("gate/index.js", "redis-task-gate", { "redis-task-gate:requestId": "7001" });
  expect(result.code).toBe(0);
  const lines = result.stdout.split("\n");
  const gateDone = lines.findIndex((l) => /created pulumi-nodejs:dynamic\/tencentcloud-redis:TaskWait "resize-gate"/.test(l));
  const releaseStarts = lines.findIndex((l) => /creating pulumi-nodejs:dynamic\/redis-task-example:ReleaseMarker "release"/.test(l));
  expect(gateDone).toBeGreaterThan(-1);
  expect(releaseStarts).toBeGreaterThan(gateDone);
  const seconds = (line: string) => Number(/\+(\d+\.\d)s/.exec(line)![1]);
  expect(seconds(lines[releaseStarts])).toBeGreaterThanOrEqual(1.0);
  expect(result.stdout).toMatch(/"taskStatus":"Succeeded"/);
  expect(result.stderr).toMatch(/\[TaskWait resize-gate\] task 7001: Waiting, 1 polls, 0s\n(.*\n)*\[TaskWait resize-gate\] task 7001: Succeeded, \d+ polls/);
  expect(result.stdout + result.stderr).not.toContain(SECRET_KEY);
});

test("gate: a failing task makes the program fail with the task's message, and nothing depending on it is created", async () => {
  const result = await runExample("gate/index.js", "redis-task-gate", { "redis-task-gate:requestId": "7002", "redis-task-gate:apiVersion": "v3" });
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/the deployment failed: Redis task 7002 failed: status 3 \(Failed\) after \d+s, \d+ polls: resize failed: no capacity/);
  expect(result.stdout).not.toContain("ReleaseMarker");
});

test("gate: bad input is rejected by check before any wait", async () => {
  const result = await runExample("gate/index.js", "redis-task-gate", { "redis-task-gate:requestId": "not-a-number" });
  expect(result.code).toBe(1);
  expect(result.stdout).toContain("requestId must be a non-negative integer task ID");
  expect(result.stderr).not.toContain("[TaskWait");
});

test("reference: task data read with getTaskInfoOutput, then consumed through a StackReference", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reference-"));
  const outputsFile = path.join(dir, "producer.json");
  const producer = await runExample("reference/index.js", "redis-task-reference", { "redis-task-reference:requestId": "7003", "redis-task-reference:apiVersion": "v3" }, [
    "--outputs-file",
    outputsFile,
  ]);
  expect(producer.code).toBe(0);
  const exported = JSON.parse(fs.readFileSync(outputsFile, "utf8"));
  expect(exported).toEqual({ requestId: 7003, status: 2, statusText: "Succeeded", region: "ap-guangzhou", instanceId: "crs-ref" });

  const consumer = await runExample("reference/consumer/index.js", "redis-task-reference-consumer", { "redis-task-reference-consumer:producerStack": "org/redis-task-reference/dev" }, [
    "--stack-outputs",
    `org/redis-task-reference/dev=${outputsFile}`,
  ]);
  expect(consumer.code).toBe(0);
  expect(consumer.stdout).toContain('"taskSucceeded":true');
  expect(consumer.stdout).toContain('"summary":"task 7003 in ap-guangzhou: Succeeded"');
});
