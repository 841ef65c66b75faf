/**
 * The official Go SDK (`github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/redis`, from the
 * Go module proxy as tests/clients/go/go.mod and go.sum pin it) reads tasks from the emulator:
 * go/main.go calls DescribeTaskInfo with a custom endpoint, as users point it at one.
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { cleanEnv, REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";

// The first build downloads the SDK's modules.
jest.setTimeout(300_000);

let emulator: RunningEmulator;
let binary: string;
beforeAll(async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-go-client-"));
  binary = path.join(out, "describe-task-info");
  execFileSync("go", ["build", "-o", binary, "."], { cwd: path.join(__dirname, "go"), stdio: ["ignore", "ignore", "inherit"] });
  emulator = await startEmulator({
    tasks: [
      { requestId: 11963, timeline: [{ status: 1 }], taskType: "FLOW_RESIZE", instanceId: "crs-go000001" },
      { requestId: 11964, timeline: [{ status: 3 }], taskMessage: "insufficient capacity" },
    ],
  });
});
afterAll(async () => {
  await emulator?.close();
  if (binary) fs.rmSync(path.dirname(binary), { recursive: true, force: true });
});

function describeTaskInfo(taskId: number, secretKey = SECRET_KEY): Promise<Record<string, unknown>> {
  const env = cleanEnv({ ENDPOINT: new URL(emulator.url).host, TASK_ID: String(taskId), TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: secretKey, TENCENTCLOUD_REGION: REGION });
  return new Promise((resolve, reject) =>
    execFile(binary, [], { env }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)))),
  );
}

test("DescribeTaskInfo answers the Go SDK: a running task, a failed one with its message, and a wrong key refused", async () => {
  expect(await describeTaskInfo(11963)).toMatchObject({ Status: "running", TaskType: "FLOW_RESIZE", InstanceId: "crs-go000001", RequestId: expect.any(String) });
  expect(await describeTaskInfo(11964)).toMatchObject({ Status: "failed", TaskMessage: "insufficient capacity" });
  expect(await describeTaskInfo(11963, "x".repeat(32))).toEqual({ Code: "AuthFailure.SignatureFailure", Message: expect.any(String) });
  expect(emulator.stats().byAction).toEqual({ DescribeTaskInfo: 3 });
});
