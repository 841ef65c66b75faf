/**
 * The ends of a gate's life through the real Pulumi CLI: `pulumi import` (which the dynamic
 * provider host cannot serve: it needs the serialized provider from state, and an import has no
 * state), and deleting a gate after the package was uninstalled.
 */
import * as fs from "fs";
import * as path from "path";
import { describeWithCli } from "./support/describeWithCli";
import { e2eSuite } from "./support/suite";
import { standaloneProject } from "./support/userProject";

jest.setTimeout(180_000);

const TASK_WAIT = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
const DEPENDENT = "pulumi-nodejs:dynamic/e2e:Dependent";

const suite = e2eSuite(66_000);
const projects: string[] = [];
afterAll(() => {
  for (const dir of projects) fs.rmSync(dir, { recursive: true, force: true });
});

/** The gate program, then the same project with the TaskWait gone from the program and the package uninstalled. */
async function gateThenUninstall() {
  const id = suite.emulator.task([{ status: 2 }]);
  const projectDir = standaloneProject("gate");
  projects.push(projectDir);
  const stack = await suite.stack("gate", { projectDir, config: { "e2e-gate:requestId": String(id) } });
  await stack.up();
  expect(await stack.resourcesOfType(TASK_WAIT)).toHaveLength(1);
  const calls = suite.emulator.calls(id);
  // The user deletes the TaskWait from the program, then runs `npm uninstall pulumi-tencentcloud-redis-task`.
  fs.writeFileSync(path.join(projectDir, "index.js"), 'const { Dependent } = require("./dependent");\nnew Dependent("after-gate", { label: "v1" });\n');
  fs.rmSync(path.join(projectDir, "node_modules", "pulumi-tencentcloud-redis-task"));
  return { stack, id, calls };
}

describeWithCli("a gate's life", () => {
  test("`pulumi import` of a TaskWait fails in the dynamic provider host before any call, and declaring the TaskWait instead costs one call", async () => {
    const id = suite.emulator.task([{ status: 2 }]);
    const stack = await suite.stack("gate", { config: { "e2e-gate:requestId": String(id) } });
    const imported = await stack.cli(["import", TASK_WAIT, "imported", String(id), "--yes", "--stack", stack.stack], "failure");
    // The host deserializes the provider from the resource's state (`__provider`), which an import does not have.
    expect(imported.stdout + imported.stderr).toContain("code must be a string, not undefined");
    expect(suite.emulator.calls(id)).toBe(0);

    // What the README says to do instead: the TaskWait in the program; its task already succeeded.
    await stack.up();
    const gates = await stack.resourcesOfType(TASK_WAIT);
    expect(gates.map((gate) => gate.urn.split("::").pop())).toEqual(["gate"]);
    expect(gates[0].outputs).toMatchObject({ status: 2, polls: 1 });
    expect(suite.emulator.calls(id)).toBe(1);
  });

  test("after the TaskWait is removed from the program and the package uninstalled, `pulumi up` deletes the gate without a call", async () => {
    const { stack, id, calls } = await gateThenUninstall();
    const up = await stack.up();
    expect(up.stdout).toMatch(/- +pulumi-nodejs:dynamic\/tencentcloud-redis:TaskWait gate delet/);
    expect(await stack.resourcesOfType(TASK_WAIT)).toHaveLength(0);
    expect(await stack.resourcesOfType(DEPENDENT)).toHaveLength(1);
    expect(suite.emulator.calls(id)).toBe(calls);
  });

  test("`pulumi destroy` with the package uninstalled deletes the gate", async () => {
    const { stack } = await gateThenUninstall();
    await stack.destroy();
    expect(await stack.resourcesOfType(TASK_WAIT)).toHaveLength(0);
  });
});
