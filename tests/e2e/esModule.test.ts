/**
 * An ES-module program (`"type": "module"`) through the real Pulumi CLI: named imports of this
 * CommonJS package work, the lazily loaded Pulumi surface (TaskWait, getTaskInfo,
 * getTaskInfoOutput) included.
 */
import { describeWithCli } from "./support/describeWithCli";
import { e2eSuite } from "./support/suite";

jest.setTimeout(120_000);

const suite = e2eSuite(69_000);

describeWithCli("an ES-module program", () => {
  test("`import { TaskWait, getTaskInfoOutput } from \"pulumi-tencentcloud-redis-task\"` works under \"type\": \"module\"", async () => {
    const id = suite.emulator.task([{ status: 1, ms: 300 }, { status: 2 }]);
    const stack = await suite.stack("esm", { config: { "e2e-esm:requestId": String(id) } });
    const up = await stack.up();
    expect(up.stdout).toContain(`[TaskWait gate] task ${id}: Succeeded`);
    expect(await stack.outputs()).toEqual({ status: 2, succeeded: true, infoStatusText: "Succeeded" });
  });
});
