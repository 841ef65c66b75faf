/**
 * The example policy pack through the real CLI, installed as its README says (`npm install` in
 * examples/policy-pack of a fresh copy of the repository), run with `--policy-pack` on a user's
 * project. A pack sees no stack config: the live policy's credentials come from the environment.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";
import { describeWithCli } from "./support/describeWithCli";
import { freshClone } from "./support/freshClone";
import type { PulumiStack } from "./support/pulumiStack";
import { findPulumiCliDir } from "./support/pulumiCli";
import { e2eSuite } from "./support/suite";

jest.setTimeout(300_000);

const suite = e2eSuite(64_000);
let pack: string;

beforeAll(async () => {
  if (!findPulumiCliDir()) return;
  // As the pack's README says: the package built at the repository's root, then the pack installed.
  const clone = freshClone("policy-pack");
  execFileSync("npm", ["run", "build"], { cwd: clone, stdio: ["ignore", "ignore", "inherit"] });
  pack = path.join(clone, "examples", "policy-pack");
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: pack, stdio: ["ignore", "ignore", "inherit"] });
});

function gateStack(requestId: number, config: Record<string, string> = {}): Promise<PulumiStack> {
  return suite.stack("gate", {
    // The live policy reads these; the provider reads stack config.
    env: { TENCENTCLOUD_REDIS_ENDPOINT: suite.emulator.url, TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION },
    config: { "e2e-gate:requestId": String(requestId), ...config },
  });
}

const PASSED = /✅ tencentcloud-redis-task@v0\.1\.0/;

describeWithCli("the policy pack", () => {
  test("does not block a new gate on a running task, nor the up resuming it after a timeout; reports nothing once it succeeded", async () => {
    // Held executing: however long the previews take, the task is still running when the first
    // `up` times out and when the resuming `up` starts.
    const id = suite.emulator.heldTask([{ status: 1 }]);
    const stack = await gateStack(id, { "e2e-gate:timeout": "2s" });

    const preview = await stack.preview(["--policy-pack", pack]);
    expect(preview.stdout).toMatch(PASSED);

    await stack.up([], "failure"); // times out: recorded as not ready
    const resumePreview = await stack.preview(["--policy-pack", pack]);
    expect(resumePreview.stdout).toMatch(/~ +pulumi-nodejs:dynamic\/tencentcloud-redis:TaskWait gate update/);
    expect(resumePreview.stdout).toMatch(PASSED);

    // The resuming `up` (its policy, then its gate) finds the task still executing; it succeeds
    // once the gate has shown that, while the gate waits.
    await stack.setConfig({ "e2e-gate:timeout": "1m" });
    const up = await stack.upUntil(new RegExp(`task ${id}: Executing`), () => suite.emulator.setStatus(id, 2), { args: ["--policy-pack", pack] });
    expect(up.stdout).toMatch(PASSED);
    expect(up.stdout).not.toMatch(/\[(mandatory|advisory)\]/);
    expect(await stack.outputs()).toMatchObject({ status: 2 });
  });

  test("blocks a gate whose task already failed, quoting the task's message (redis-task-not-failed)", async () => {
    const id = suite.emulator.task([{ status: 3 }], { taskMessage: "backup failed: disk full" });
    const stack = await gateStack(id, { "e2e-gate:apiVersion": "v3" });
    const preview = await stack.preview(["--policy-pack", pack], "failure");
    expect(preview.stdout).toMatch(/\[mandatory\] +redis-task-not-failed/);
    expect(preview.stdout).toContain(`TaskWait "gate" (requestId ${id}) has status 3 (Failed): "backup failed: disk full"`);
    expect((await stack.exportState()).deployment.resources ?? []).toHaveLength(0);
  });

  test("honours --policy-pack-config: a stricter maxTimeout made mandatory blocks the preview", async () => {
    const id = suite.emulator.task([{ status: 2 }]);
    const stack = await gateStack(id, { "e2e-gate:timeout": "30m" });
    const config = path.join(stack.workDir, "policy-config.json");
    fs.writeFileSync(config, JSON.stringify({ "redis-task-timeout-bounded": { enforcementLevel: "mandatory", maxTimeout: "10m" } }));
    const strict = await stack.preview(["--policy-pack", pack, "--policy-pack-config", config], "failure");
    expect(strict.stdout).toMatch(/\[mandatory\] +redis-task-timeout-bounded/);
    expect(strict.stdout).toContain('TaskWait "gate" has timeout "30m", more than the maximum "10m"');
    const lenient = await stack.preview(["--policy-pack", pack]);
    expect(lenient.stdout).toMatch(PASSED);
  });
});
