/**
 * The Python hooks' own client (sdk-overlay/python/…/_instance_tasks.py, standard library only)
 * against the official TC3 vector and the emulator: a wait that sees a running task, is released
 * after its first listing (an event, not a delay), and ends idle; the busy codes it recognises.
 */
import { spawn } from "child_process";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";

const OVERLAY = path.join(__dirname, "..", "..", "sdk-overlay", "python", "pulumi_tencentcloud_redis_task");
const PYTHON = process.env.REDIS_TASK_PYTHON || "python3";
const INSTANCE = "crs-pyhook01";

/** Runs `code` with the client module importable as `t`; resolves with its stdout. */
function python(code: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    // -B: no __pycache__ beside the overlay, which gen-sdk copies into the SDK.
    const child = spawn(PYTHON, ["-B", "-c", `import sys, json\nsys.path.insert(0, ${JSON.stringify(OVERLAY)})\nimport _instance_tasks as t\n${code}`], { env: { ...process.env, ...env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("close", (status) => (status === 0 ? resolve(out) : reject(new Error(`python exited ${status}:\n${err}`))));
  });
}

describe("the Python hooks' client", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it("signs the official TC3 vector", async () => {
    const out = await python(
      `body = b'{"Limit": 1, "Filters": [{"Values": ["\\\\u672a\\\\u547d\\\\u540d"], "Name": "instance-name"}]}'\n` +
        `print(t.tc3_authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "cvm.tencentcloudapi.com", "cvm", 1551113065, body, "application/json; charset=utf-8"))`,
    );
    expect(out.trim()).toMatch(/Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168$/);
  });

  it("recognises the busy codes as the Node package does", async () => {
    const out = await python(
      `print(json.dumps([t.instance_busy_code(x) for x in ["[TencentCloudSDKError] Code=ResourceInUse.InstanceBeenLocked, Message=m", "Code=ResourceUnavailable.InstanceLockedErrorX", "API error ResourceUnavailable.InstanceStatusAbnormal: m", "Code=InvalidParameter.Param"]]))`,
    );
    expect(JSON.parse(out)).toEqual(["ResourceInUse.InstanceBeenLocked", null, "ResourceUnavailable.InstanceStatusAbnormal", null]);
  });

  it("waits through the emulator until the running task ends, with settings from the environment", async () => {
    const requestId = 1901;
    emulator.addTask({ requestId, timeline: [{ status: 1 }], held: true, instanceId: INSTANCE, taskType: "FLOW_MODIFYINSTANCEPARAMS" });
    const run = python(
      `s = t.resolve_settings({}, lambda key: None)\n` +
        `r = t.wait_for_idle(s, ${JSON.stringify(INSTANCE)}, label="py", timeout=120, min_interval=0.05, max_interval=0.2, write=lambda line: sys.stderr.write(line + "\\n"))\n` +
        `print(json.dumps({"state": r["state"], "calls": r["calls"]}))`,
      { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: emulator.url },
    );
    await emulator.waitForListings(INSTANCE, 1);
    emulator.setTaskStatus(requestId, 2);
    const result = JSON.parse(await run);
    expect(result.state).toBe("idle");
    expect(result.calls).toBeGreaterThanOrEqual(2);
  });

  it("says which settings are missing", async () => {
    const out = await python(`print(t.resolve_settings({}, lambda key: None, {}))`);
    expect(out).toMatch(/set the stack config tencentcloud:secretId, tencentcloud:secretKey, tencentcloud:region .* TENCENTCLOUD_SECRET_ID/);
  });
});
