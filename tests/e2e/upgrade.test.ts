/**
 * An upgrade through the real CLI: state written with this version's tarball, then the package
 * upgraded in the user's project. The serialized provider in state names the package rather
 * than capturing its code, so the upgraded package serves every later operation, with no diff.
 */
import { execFileSync } from "child_process";
import { describeWithCli } from "./support/describeWithCli";
import { e2eSuite } from "./support/suite";
import { upgradedTarball, upgradeMarker } from "./support/upgradedTarball";
import { userProject } from "./support/userProject";

// A safety net: about 1 minute alone; over 4 minutes with six jest workers and CPU burners on two cores.
jest.setTimeout(600_000);

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
const NEXT = "99.0.0";

const suite = e2eSuite(65_000);

describeWithCli("an upgrade of the package", () => {
  test("state written by this version is previewed, updated, refreshed and destroyed by a higher one without a diff or an error", async () => {
    const id = suite.emulator.task([{ status: 1, ms: 500 }, { status: 2 }]);
    const projectDir = userProject("gate");
    const stack = await suite.stack("gate", { projectDir, config: { "e2e-gate:requestId": String(id) } });
    const first = await stack.up();
    expect(first.stdout).not.toContain(upgradeMarker(NEXT));
    const [before] = await stack.resourcesOfType(TASK_WAIT);

    execFileSync("npm", ["install", "--no-save", "--no-package-lock", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", upgradedTarball(NEXT)], {
      cwd: projectDir,
      stdio: ["ignore", "ignore", "inherit"],
    });

    await stack.preview(["--expect-no-changes"]);
    const up = await stack.up(["--expect-no-changes"]);
    const refresh = await stack.refresh(["--skip-preview"]);
    expect(refresh.stdout).toContain(upgradeMarker(NEXT));
    const [after] = await stack.resourcesOfType(TASK_WAIT);
    expect(after.outputs).toEqual(before.outputs);
    await stack.preview(["--expect-no-changes"]);
    expect(up.stdout + refresh.stdout).not.toMatch(/error:/);
    // Destroying makes no call and loads no package (the stored stub only stashes its config).
    const destroy = await stack.destroy();
    expect(destroy.stdout).not.toMatch(/error:/);
    expect(await stack.resourcesOfType(TASK_WAIT)).toHaveLength(0);
  });
});
