/** `tasks` and `wait-idle` from the shell: the built CLI as a process against the emulator. */
import { spawn } from "child_process";
import * as path from "path";
import { startEmulator, DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY, type RunningEmulator } from "../../provider/emulator";

const MAIN = path.join(__dirname, "..", "..", "dist", "provider", "cli", "main.js");
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, TENCENTCLOUD_SECRET_ID: DEFAULT_EMULATOR_SECRET_ID, TENCENTCLOUD_SECRET_KEY: DEFAULT_EMULATOR_SECRET_KEY, TENCENTCLOUD_REGION: "ap-guangzhou", TENCENTCLOUD_REDIS_ENDPOINT: emu.url };
  const child = spawn(process.execPath, [MAIN, ...args], { env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

test("wait-idle exits 0 once the held task is released, after it saw it running", async () => {
  emu.addTask({ requestId: 500, instanceId: "crs-cliwait1", taskType: "FLOW_RESIZE", held: true, timeline: [{ status: 1, ms: 1 }, { status: 2 }] });
  const run = cli(["wait-idle", "crs-cliwait1", "--min-poll-interval", "100ms", "--max-poll-interval", "200ms", "--json"]);
  await emu.waitForListings("crs-cliwait1", 2);
  emu.releaseTask(500);
  const { code, stdout, stderr } = await run;
  expect(code).toBe(0);
  expect(stderr).toContain("[wait-idle] instance crs-cliwait1: 1 task running: FLOW_RESIZE 500 (Running");
  expect(JSON.parse(stdout)).toMatchObject({ state: "idle", tasks: [{ taskId: 500, result: 2 }] });
});

test("wait-idle exits 1 naming the task that failed during the wait, 3 on timeout, 2 on a bad instance ID", async () => {
  emu.addTask({ requestId: 501, instanceId: "crs-cliwait2", held: true, timeline: [{ status: 1 }] });
  const failing = cli(["wait-idle", "crs-cliwait2", "--fail-on", "failedSinceStart", "--min-poll-interval", "100ms", "--max-poll-interval", "200ms"]);
  await emu.waitForListings("crs-cliwait2", 2);
  emu.setTaskStatus(501, 3);
  const failed = await failing;
  expect(failed.code).toBe(1);
  expect(failed.stderr).toContain("Redis task 501 () on instance crs-cliwait2 failed during the wait");
  emu.addTask({ requestId: 502, instanceId: "crs-cliwait3", held: true, timeline: [{ status: 1 }] });
  expect((await cli(["wait-idle", "crs-cliwait3", "--timeout", "1s", "--min-poll-interval", "200ms"])).code).toBe(3);
  const bad = await cli(["wait-idle", "crs-BAD"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('instanceId must be a Redis instance ID as the console shows it');
  const v2 = await cli(["tasks", "crs-cliwait3", "--api", "v2"]);
  expect(v2.code).toBe(2);
  expect(v2.stderr).toContain("GetRedisTaskList");
});

test("tasks prints every task as a table, or JSON", async () => {
  for (let id = 600; id < 730; id++) emu.addTask({ requestId: id, instanceId: "crs-clilist1", taskType: "FLOW_BACKUPINSTANCE", timeline: [{ status: 2 }] });
  const table = await cli(["tasks", "crs-clilist1"]);
  expect(table.code).toBe(0);
  expect(table.stdout.split("\n")[0]).toMatch(/^TASK\s+TYPE\s+RESULT\s+PROGRESS\s+START\s+END$/);
  expect(table.stdout).toContain("FLOW_BACKUPINSTANCE");
  const json = JSON.parse((await cli(["tasks", "crs-clilist1", "--json"])).stdout);
  expect(json.totalCount).toBe(130);
  expect(json.tasks).toHaveLength(130);
  expect((await cli(["tasks", "crs-nothing1"])).stdout).toBe("no task found for instance crs-nothing1\n");
});
