/**
 * The example policy pack through the real analyzer: `run-policy-pack` from the SDK, in a project
 * where this package is installed from `npm pack` output, driven over gRPC as the engine drives it
 * (GetAnalyzerInfo, Configure, Analyze with inputs, AnalyzeStack with outputs), the live policy
 * querying the emulator.
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { TASK_WAIT_TYPE } from "../../provider/resources/taskWait/types";
import { cleanEnv, REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";
import { packedProject, REPO_ROOT } from "../support/packedProject";
import { installExamplePolicyPack, startPolicyAnalyzer, type AnalyzerResourceSpec, type PolicyAnalyzer } from "../support/policyAnalyzer";

jest.setTimeout(30_000);

const ACCOUNT = "tencentcloud:Redis/account:Account";
const urn = (type: string, name: string) => `urn:pulumi:dev::redis-app::${type}::${name}`;
const FAILED_TASK = 31001;
const SUCCEEDED_TASK = 31000;
const UNKNOWN_NUMBER = "3eeb2bf0-c639-47a8-9e75-3b44932eb421";

let emulator: RunningEmulator;
let closedEndpoint: string;
let packDir: string;
let analyzer: PolicyAnalyzer;
let descriptions: Record<string, string>;

/** A TaskWait's inputs as the engine sends them to Analyze. */
function taskWait(inputs: Record<string, unknown>): AnalyzerResourceSpec {
  return { type: TASK_WAIT_TYPE, name: "gate", urn: urn(TASK_WAIT_TYPE, "gate"), properties: { requestId: SUCCEEDED_TASK, displayName: "gate", timeout: "45m", ...inputs } };
}

/** The diagnostic message the SDK builds: the policy's description, a newline, the violation. */
const diagnosticMessage = (policy: string, violation: string) => `${descriptions[policy]}\n${violation}`;

beforeAll(async () => {
  const project = packedProject();
  emulator = await startEmulator({
    tasks: [
      { requestId: SUCCEEDED_TASK, timeline: [{ status: 2 }] },
      { requestId: FAILED_TASK, timeline: [{ status: 3 }], taskMessage: "replica sync failed" },
    ],
  });
  const spare = await startEmulator();
  closedEndpoint = spare.url;
  await spare.close();
  packDir = installExamplePolicyPack(project);
  analyzer = await startPolicyAnalyzer(
    packDir,
    cleanEnv({ TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: emulator.url }),
  );
  const info = await analyzer.getAnalyzerInfo();
  descriptions = Object.fromEntries(info.policies.map((p) => [p.name, p.description]));
}, 240_000);

afterAll(async () => {
  await analyzer?.close();
  await emulator?.close();
  if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
});

test("the example pack links this repository's package and pins @pulumi/policy and @pulumi/pulumi at the repo's versions", () => {
  const root = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
  const pack = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "examples", "policy-pack", "package.json"), "utf8"));
  expect(pack.dependencies).toEqual({
    "@pulumi/policy": root.devDependencies["@pulumi/policy"],
    "@pulumi/pulumi": root.devDependencies["@pulumi/pulumi"],
    // The package is not on the registry; the pack installs it from the repository (README).
    "pulumi-tencentcloud-redis-task": "file:../..",
  });
  // run-policy-pack compiles index.ts with the TypeScript it finds; without one it falls back to a
  // vendored 3.8, which cannot resolve the package's "exports" subpath `/policy`.
  expect(pack.devDependencies).toEqual({ typescript: root.devDependencies.typescript });
  expect(fs.readFileSync(path.join(REPO_ROOT, "examples", "policy-pack", "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
});

test("GetAnalyzerInfo: the pack's name and version, each policy's kind, default level and config schema", async () => {
  const info = await analyzer.getAnalyzerInfo();
  expect(info.name).toBe("tencentcloud-redis-task");
  expect(info.version).toBe("0.1.0");
  expect(info.policies.map((p) => [p.name, p.kind, p.enforcementLevel])).toEqual([
    ["redis-task-succeeded", "stack", "mandatory"],
    ["redis-task-not-failed", "stack", "mandatory"],
    ["redis-task-timeout-bounded", "resource", "advisory"],
    ["redis-task-gate-required", "stack", "advisory"],
  ]);
  const schemas = Object.fromEntries(info.policies.map((p) => [p.name, p.configSchema]));
  expect(schemas["redis-task-timeout-bounded"]).toMatchObject({ maxTimeout: { default: "2h" } });
  expect(schemas["redis-task-gate-required"]).toMatchObject({ gatedTypes: { type: "array", default: [] } });
  expect(Object.keys(schemas["redis-task-not-failed"]!).sort()).toEqual(["apiVersion", "endpoint", "region", "requestTimeout", "timeBudget"]);
  expect(schemas["redis-task-not-failed"]).toMatchObject({ timeBudget: { default: "20s" } });
});

/** The live policy's part of an AnalyzeStack result (the stack also goes to the other stack policies). */
async function notFailed(resources: AnalyzerResourceSpec[]) {
  const result = await analyzer.analyzeStack(resources);
  return {
    diagnostics: result.diagnostics.filter((d) => d.policyName === "redis-task-not-failed"),
    notApplicable: result.notApplicable.filter((n) => n.policyName === "redis-task-not-failed"),
  };
}

describe("Analyze and AnalyzeStack as at preview (a new TaskWait's inputs), before configuration: schema defaults apply", () => {
  test("a TaskWait on a failed task: a mandatory violation from the live policy on the TaskWait, with the TaskMessage", async () => {
    const result = await notFailed([taskWait({ requestId: FAILED_TASK, apiVersion: "v3" })]);
    expect(result.diagnostics).toEqual([
      {
        policyName: "redis-task-not-failed",
        policyPackName: "tencentcloud-redis-task",
        message: diagnosticMessage(
          "redis-task-not-failed",
          `TaskWait "gate" (requestId ${FAILED_TASK}) has status 3 (Failed): "replica sync failed". Waiting for it cannot succeed: start the Redis operation again and wait for the new task's ID`,
        ),
        enforcementLevel: "mandatory",
        urn: urn(TASK_WAIT_TYPE, "gate"),
      },
    ]);
  });

  test("Analyze (per resource) no longer runs the live policy: it cannot tell an unchanged gate from a new one", async () => {
    const before = emulator.stats().requests;
    expect((await analyzer.analyze(taskWait({ requestId: FAILED_TASK }))).diagnostics).toEqual([]);
    expect(emulator.stats().requests).toBe(before);
  });

  test("a TaskWait on a succeeded task with a timeout over 2h: only the advisory timeout violation", async () => {
    const result = await analyzer.analyze(taskWait({ timeout: "3h" }));
    expect(result.diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.message])).toEqual([
      ["redis-task-timeout-bounded", "advisory", diagnosticMessage("redis-task-timeout-bounded", 'TaskWait "gate" has timeout "3h", more than the maximum "2h"')],
    ]);
  });

  test("the happy path: no diagnostics and nothing not applicable", async () => {
    expect(await analyzer.analyze(taskWait({}))).toEqual({ diagnostics: [], notApplicable: [] });
  });

  test("a requestId unknown during preview: not applicable, not an advisory 'can't run during preview'", async () => {
    const result = await notFailed([taskWait({ requestId: UNKNOWN_NUMBER })]);
    expect(result.diagnostics).toEqual([]);
    expect(result.notApplicable).toEqual([
      {
        policyName: "redis-task-not-failed",
        reason: 'TaskWait "gate": requestId is not known yet (number value at .requestId can\'t be known during preview); checked again at pulumi up',
      },
    ]);
  });

  test("an unreachable endpoint neither blocks nor crashes the pack", async () => {
    const result = await notFailed([taskWait({ requestId: FAILED_TASK, endpoint: closedEndpoint })]);
    expect(result.diagnostics).toEqual([]);
    expect(result.notApplicable).toHaveLength(1);
    expect(result.notApplicable[0].policyName).toBe("redis-task-not-failed");
    expect(result.notApplicable[0].reason).toMatch(/^TaskWait "gate": could not check the task: .*ECONNREFUSED/);
  });

  test("other resource types: the resource policy is not applicable", async () => {
    const result = await analyzer.analyze({ type: ACCOUNT, name: "account", urn: urn(ACCOUNT, "account"), properties: { timeout: "9h" } });
    expect(result).toEqual({
      diagnostics: [],
      notApplicable: [{ policyName: "redis-task-timeout-bounded", reason: "applies only to TaskWait resources" }],
    });
  });
});

describe("after Configure", () => {
  beforeAll(async () => {
    await analyzer.configure({
      "redis-task-succeeded": { enforcementLevel: "mandatory" },
      "redis-task-not-failed": { enforcementLevel: "mandatory", endpoint: closedEndpoint },
      "redis-task-timeout-bounded": { enforcementLevel: "mandatory", maxTimeout: "1h" },
      "redis-task-gate-required": { enforcementLevel: "advisory", gatedTypes: ["tencentcloud:Redis/account:*", "tencentcloud:Redis/param*"] },
    });
  });

  test("Analyze: maxTimeout and the raised enforcement level apply", async () => {
    const result = await analyzer.analyze(taskWait({ timeout: "90m" }));
    expect(result.diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.message])).toEqual([
      ["redis-task-timeout-bounded", "mandatory", diagnosticMessage("redis-task-timeout-bounded", 'TaskWait "gate" has timeout "90m", more than the maximum "1h"')],
    ]);
  });

  test("AnalyzeStack: the configured endpoint wins over TENCENTCLOUD_REDIS_ENDPOINT, and the TaskWait's own over both", async () => {
    const viaConfig = await notFailed([taskWait({ requestId: FAILED_TASK })]);
    expect(viaConfig.diagnostics).toEqual([]);
    expect(viaConfig.notApplicable.map((n) => n.reason)).toEqual([expect.stringMatching(/ECONNREFUSED/)]);
    const own = await notFailed([taskWait({ requestId: FAILED_TASK, endpoint: emulator.url })]);
    expect(own.diagnostics.map((d) => d.policyName)).toEqual(["redis-task-not-failed"]);
  });

  const gate = (status: unknown): AnalyzerResourceSpec => ({
    type: TASK_WAIT_TYPE,
    name: "gate",
    urn: urn(TASK_WAIT_TYPE, "gate"),
    properties: { requestId: 11963, displayName: "gate", status, statusText: "Executing", region: REGION, apiVersion: "v2", waitedSeconds: 60, polls: 5 },
    dependencies: [urn("tencentcloud:Redis/instance:Instance", "cache")],
  });
  const account = (dependencies: string[], propertyDependencies: Record<string, string[]> = {}): AnalyzerResourceSpec => ({
    type: ACCOUNT,
    name: "account",
    urn: urn(ACCOUNT, "account"),
    properties: { accountName: "app" },
    dependencies,
    propertyDependencies,
  });
  const instance: AnalyzerResourceSpec = { type: "tencentcloud:Redis/instance:Instance", name: "cache", urn: urn("tencentcloud:Redis/instance:Instance", "cache"), properties: {} };

  test("AnalyzeStack: a TaskWait with status 1, and a gated resource depending only on the (ungated) instance", async () => {
    const result = await analyzer.analyzeStack([instance, gate(1), account([instance.urn])]);
    expect(result.diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.urn, d.message])).toEqual([
      [
        "redis-task-succeeded",
        "mandatory",
        urn(TASK_WAIT_TYPE, "gate"),
        diagnosticMessage("redis-task-succeeded", 'TaskWait "gate" (requestId 11963) has status 1 (Executing), not 2 (Succeeded)'),
      ],
      [
        "redis-task-gate-required",
        "advisory",
        urn(ACCOUNT, "account"),
        diagnosticMessage(
          "redis-task-gate-required",
          `Resource "account" (${ACCOUNT}) does not depend on a TaskWait, directly or transitively: add the TaskWait to its dependsOn so it waits for the Redis task to succeed`,
        ),
      ],
    ]);
  });

  test("AnalyzeStack: the gated resource depending on the succeeded TaskWait, through a property dependency: no diagnostics", async () => {
    const result = await analyzer.analyzeStack([gate(2), account([], { instanceId: [urn(TASK_WAIT_TYPE, "gate")] })]);
    expect(result).toEqual({ diagnostics: [], notApplicable: [] });
  });

  test("AnalyzeStack during preview: a new TaskWait's unknown status is skipped, not reported", async () => {
    const result = await analyzer.analyzeStack([gate(UNKNOWN_NUMBER), account([urn(TASK_WAIT_TYPE, "gate")])]);
    expect(result.diagnostics).toEqual([]);
    // The live policy queries a gate not recorded as succeeded; the endpoint configured above is closed.
    expect(result.notApplicable).toEqual([{ policyName: "redis-task-not-failed", reason: expect.stringMatching(/could not check the task: .*ECONNREFUSED/) }]);
  });
});
