/**
 * The Python SDK's hooks (pulumi_tencentcloud_redis_task.hooks) through the real Pulumi CLI,
 * gating a Python stand-in for tencentcloud.redis.Param; the SDK as users get it, from the
 * installed package. Orderings are events (the hook's first listing), as in hooks.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { describeWithCli } from "./support/describeWithCli";
import { e2eSuite } from "./support/suite";
import { modifyCalls as callsOf, upReleasedAfterListing } from "./support/instanceLock";
import { pythonVenv } from "./support/pythonVenv";
import { userProject } from "./support/userProject";
import { REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";
import { packedProject } from "../support/packedProject";

jest.setTimeout(300_000);

const suite = e2eSuite(73_000);
let instanceSeq = 0;

async function busyInstance(mode: "before" | "retry") {
  const instanceId = `crs-pyhk${String(++instanceSeq).padStart(4, "0")}`;
  const lock = suite.emulator.heldTask([{ status: 1 }], { instanceId, taskType: "FLOW_BACKUPINSTANCE" });
  const projectDir = userProject("hooks-python");
  const sdk = path.join(packedProject(), "node_modules", "pulumi-tencentcloud-redis-task", "sdk", "python");
  fs.symlinkSync(pythonVenv(path.join(projectDir, "requirements.txt"), sdk), path.join(projectDir, "venv"), "dir");
  // The stand-in (a dynamic provider) reads its credentials from the environment; the hooks read stack config first.
  const env = { TENCENTCLOUD_REDIS_ENDPOINT: suite.emulator.url, TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION };
  const stack = await suite.stack("hooks-python", { projectDir, env, config: { "e2e-hooks-python:mode": mode, "e2e-hooks-python:instanceId": instanceId } });
  return { instanceId, lock, stack };
}

const emulator = () => suite.emulator.emulator;
const modifyCalls = () => callsOf(suite.emulator);

describeWithCli("Python hooks on a stand-in for tencentcloud.redis.Param", () => {
  test("before_create instance_idle_hook: the change is made only after the running task ends, never refused", async () => {
    const { instanceId, lock, stack } = await busyInstance("before");
    const before = modifyCalls();
    const { run, callsAtListing } = await upReleasedAfterListing(stack, suite.emulator, instanceId, lock);
    expect(callsAtListing).toBe(0);
    expect(run.code).toBe(0);
    expect(modifyCalls()).toBe(before + 1);
    expect(typeof (await stack.outputs()).taskId).toBe("number");
  });

  test("on_error retry_on_instance_busy: refused once, retried once the instance is idle, succeeds", async () => {
    const { instanceId, lock, stack } = await busyInstance("retry");
    const before = modifyCalls();
    // The hook lists only after the refusal: one call by then, refused.
    const { run, callsAtListing } = await upReleasedAfterListing(stack, suite.emulator, instanceId, lock);
    expect(callsAtListing).toBe(1);
    expect(run.code).toBe(0);
    expect(modifyCalls()).toBe(before + 2);
    expect(run.stdout).toMatch(/retrying create due to on-error hook request/);
  });
});
