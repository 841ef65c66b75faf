/**
 * The provider plugin driven over gRPC as the engine drives it: started through its executable in a
 * project where the package is installed from `npm pack` output, configured the way the engine
 * configures it (its own config namespace, secrets wrapped), against the emulator, with a fake
 * engine receiving its log.
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { packedProject, REPO_ROOT } from "../support/packedProject";
import { DIFF_NONE, DIFF_SOME, pluginUrn, startPluginProcess, type HostCallError, type ProviderHost } from "../support/providerHost";
import { startFakeEngine, type FakeEngine } from "../support/fakeEngine";
import { cleanEnv, REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";
import { HOST_CANCEL_SAFETY_NET_MS, SLEEPY_POLLS } from "../support/safetyNets";
import { stepOnPolls } from "../support/taskScript";

jest.setTimeout(60_000);

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";
const secret = (value: unknown) => ({ [SIG]: SECRET, value });
const GET_TASK_INFO = "tencentcloud-redis-task:index:getTaskInfo";

let project: string;
let emulator: RunningEmulator;
let engine: FakeEngine;
let plugin: ProviderHost;
let nextTask = 70_000;

/** A task following `timeline` on a fresh ID. */
function task(timeline: { status: number; ms?: number }[], extra: Record<string, string | boolean> = {}): number {
  const requestId = nextTask++;
  emulator.addTask({ requestId, timeline: timeline as never, ...extra });
  return requestId;
}

/** Fast-polling TaskWait inputs for `requestId`. */
const inputs = (requestId: number, extra: Record<string, unknown> = {}) => ({ requestId, minPollInterval: "100ms", maxPollInterval: "300ms", ...extra });

const calls = (requestId: number) => emulator.stats().byRequestId[String(requestId)] ?? 0;

async function rejection(promise: Promise<unknown>): Promise<HostCallError> {
  return promise.then(
    () => {
      throw new Error("the call succeeded");
    },
    (error: HostCallError) => error,
  );
}

/** The stack config the engine sends in Configure: the plugin's own names, the secret key wrapped. */
const pluginConfig = () => ({ region: REGION, secretId: SECRET_ID, secretKey: secret(SECRET_KEY), endpoint: emulator.url, version: "0.1.0" });

beforeAll(async () => {
  project = packedProject();
  emulator = await startEmulator();
  engine = await startFakeEngine(project);
  plugin = await startPluginProcess(project, cleanEnv(), engine.address);
  await plugin.configure(pluginConfig());
});

afterAll(async () => {
  await plugin?.close();
  await engine?.close();
  await emulator?.close();
});

describe("what the plugin tells the engine about itself", () => {
  test("GetSchema serves schema.json and GetPluginInfo the package version, which the schema carries too", async () => {
    const packageVersion = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
    const schema = JSON.parse(await plugin.getSchema());
    expect(schema).toEqual(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8")));
    expect(schema.version).toBe(packageVersion);
    expect(await plugin.getPluginInfo()).toBe(packageVersion);
  });

  test("the executable in the installed package is what npm links into node_modules/.bin", () => {
    const installed = path.join(project, "node_modules", "pulumi-tencentcloud-redis-task", "pulumi-resource-tencentcloud-redis-task");
    expect(fs.statSync(installed).mode & 0o111).toBe(0o111);
    expect(fs.realpathSync(path.join(project, "node_modules", ".bin", "pulumi-resource-tencentcloud-redis-task"))).toBe(fs.realpathSync(installed));
  });
});

describe("configuration", () => {
  test("CheckConfig names the config key and the expected form, and stores the key and token as secrets", async () => {
    const bad = await plugin.checkConfig({ region: "Guangzhou", endpoint: "ftp://x", rateLimitPerSecond: "fast" });
    expect(bad.failures).toEqual([
      { property: "region", reason: 'tencentcloud-redis-task:region must be a Tencent Cloud region name such as "ap-guangzhou"; got "Guangzhou"' },
      { property: "endpoint", reason: expect.stringContaining("tencentcloud-redis-task:endpoint must be an http:// or https:// base URL") },
      { property: "rateLimitPerSecond", reason: expect.stringContaining("tencentcloud-redis-task:rateLimitPerSecond (or TENCENTCLOUD_REDIS_RATE_LIMIT) must be a positive number") },
    ]);
    const good = await plugin.checkConfig({ region: REGION, secretId: SECRET_ID, secretKey: "another-key", securityToken: secret("token") });
    expect(good.failures).toEqual([]);
    expect(good.inputs).toEqual({ region: REGION, secretId: SECRET_ID, secretKey: secret("another-key"), securityToken: secret("token") });
  });

  test("without credentials the error names the plugin's config keys and the environment variables", async () => {
    const bare = await startPluginProcess(project, cleanEnv());
    try {
      await bare.configure({ endpoint: emulator.url });
      const error = await rejection(bare.create(inputs(task([{ status: 2 }]))));
      expect(error.message).toContain(
        "set the stack config tencentcloud-redis-task:secretId, tencentcloud-redis-task:secretKey, tencentcloud-redis-task:region (pulumi config set [--secret] KEY VALUE) or the environment variables TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_REGION",
      );
    } finally {
      await bare.close();
    }
  });

  test("the TENCENTCLOUD_* variables serve when the config sets nothing", async () => {
    const env = cleanEnv({ TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: emulator.url });
    const fromEnv = await startPluginProcess(project, env);
    try {
      await fromEnv.configure({});
      const created = await fromEnv.create(inputs(task([{ status: 2 }])));
      expect(created.properties).toMatchObject({ status: 2, region: REGION });
    } finally {
      await fromEnv.close();
    }
  });
});

describe("check and preview", () => {
  test("check rejects bad input naming the field, lets unknown values pass and keeps a secret requestId secret", async () => {
    const bad = await plugin.check({}, inputs(1, { requestId: "12a", timeout: "soon", apiVersion: "v4" }));
    expect(bad.failures.map((f) => f.property).sort()).toEqual(["apiVersion", "requestId", "timeout"]);
    expect(bad.failures.find((f) => f.property === "timeout")!.reason).toContain('timeout must be a positive duration such as "90s"');
    expect((await plugin.check({}, inputs(1, { requestId: UNKNOWN }))).failures).toEqual([]);
    const checked = await plugin.check({}, { requestId: secret("42") });
    expect(checked).toEqual({ inputs: { requestId: secret(42) }, failures: [] });
  });

  test("a preview of a new gate returns the inputs and every computed output unknown, without calling the API", async () => {
    const requestId = task([{ status: 1 }]);
    const preview = await plugin.create(inputs(requestId, { apiVersion: "v3" }), { preview: true });
    expect(preview.properties).toEqual({
      ...inputs(requestId, { apiVersion: "v3" }),
      region: REGION,
      status: UNKNOWN,
      statusText: UNKNOWN,
      completedAt: UNKNOWN,
      waitedSeconds: UNKNOWN,
      polls: UNKNOWN,
      taskType: UNKNOWN,
      instanceId: UNKNOWN,
      startTime: UNKNOWN,
    });
    expect(calls(requestId)).toBe(0);
    const unknownId = await plugin.create({ requestId: UNKNOWN }, { preview: true });
    expect(unknownId.properties).toMatchObject({ requestId: UNKNOWN, apiVersion: "v2", status: UNKNOWN });
  });
});

describe("waits", () => {
  test("create waits for success, names the resource in progress lines sent to the engine's log, and records schema outputs", async () => {
    // Held waiting; it executes after the first poll and succeeds after the second, whatever the pace.
    const requestId = task([{ status: 0 }], { taskType: "FLOW_RESIZE", instanceId: "crs-1", held: true });
    const urn = pluginUrn("resize");
    const [created] = await Promise.all([plugin.create(inputs(requestId, { apiVersion: "v3" }), { urn }), stepOnPolls(emulator, requestId, [1, 2])]);
    expect(created.id).toBe(String(requestId));
    expect(created.properties).toMatchObject({ requestId, status: 2, statusText: "Succeeded", region: REGION, apiVersion: "v3", taskType: "FLOW_RESIZE", instanceId: "crs-1" });
    const schema = JSON.parse(await plugin.getSchema()).resources["tencentcloud-redis-task:index:TaskWait"];
    expect(Object.keys(created.properties).filter((key) => !(key in schema.properties))).toEqual([]);
    const lines = engine.messages.filter((m) => m.urn === urn).map((m) => m.message);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^\\[TaskWait resize\\] task ${requestId}: Executing, \\d+ polls`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^\\[TaskWait resize\\] task ${requestId}: Succeeded`)));
  });

  test("a failed task fails the create with its status and API 3.0 message", async () => {
    const requestId = task([{ status: 1, ms: 200 }, { status: 3 }], { taskMessage: "resize failed: no capacity" });
    const error = await rejection(plugin.create(inputs(requestId, { apiVersion: "v3" })));
    expect(error.message).toMatch(new RegExp(`^Redis task ${requestId} failed: status 3 \\(Failed\\) after \\d+s, \\d+ polls: resize failed: no capacity$`));
    expect(error.initFailure).toBeUndefined();
  });

  test("the custom timeout bounds a wait without timeout; the partial failure resumes as an update of the same ID", async () => {
    // Held executing: it cannot finish before the timeout, however slowly the plugin runs.
    const requestId = task([{ status: 1 }], { held: true });
    const error = await rejection(plugin.create(inputs(requestId), { timeout: 1 }));
    expect(error.message).toContain(`Redis task ${requestId} did not finish within the timeout of 1s: last status 1 (Executing)`);
    const { id, properties, reasons } = error.initFailure!;
    expect(id).toBe(String(requestId));
    expect(properties).toMatchObject({ requestId, status: 1, statusText: "Executing" });
    expect(properties).not.toHaveProperty("timeout");
    expect(properties).not.toHaveProperty("displayName");
    expect(reasons[0]).toContain("the next `pulumi up` resumes the wait");

    expect(await plugin.diff(id, properties, inputs(requestId))).toEqual({ changes: DIFF_SOME, replaces: [] });
    const preview = await plugin.update(id, properties, inputs(requestId), { preview: true });
    expect(preview.properties).toMatchObject({ status: UNKNOWN, polls: UNKNOWN, completedAt: UNKNOWN });
    // The resumed wait first finds the task still executing; it succeeds after that poll.
    const [updated] = await Promise.all([plugin.update(id, properties, inputs(requestId), { timeout: 20 }), stepOnPolls(emulator, requestId, [2])]);
    expect(updated.properties).toMatchObject({ status: 2, statusText: "Succeeded" });
    expect(Number(updated.properties.polls)).toBeGreaterThan(Number(properties.polls));
    expect(await plugin.diff(id, updated.properties, inputs(requestId))).toEqual({ changes: DIFF_NONE, replaces: [] });
  });

  test("a preview of a tuning change on a succeeded gate shows the known outputs and calls nothing", async () => {
    const requestId = task([{ status: 2 }]);
    const created = await plugin.create(inputs(requestId));
    const before = calls(requestId);
    const preview = await plugin.update(created.id, created.properties, inputs(requestId, { timeout: "1h" }), { preview: true });
    expect(preview.properties).toEqual({ ...created.properties, timeout: "1h" });
    expect(calls(requestId)).toBe(before);
  });

  test("Cancel ends every wait in progress at once, each recorded as not ready", async () => {
    const [a, b] = [task([{ status: 1 }]), task([{ status: 0 }])];
    // After its first poll each wait sleeps 20 s: only the Cancel can end them within the safety net.
    const waits = [a, b].map((id) => rejection(plugin.create(inputs(id, { timeout: "10m", ...SLEEPY_POLLS }), { urn: pluginUrn(`gate-${id}`) })));
    await Promise.all([a, b].map((id) => emulator.waitForQueries(id, 1)));
    const cancelledAt = Date.now();
    await plugin.cancel();
    const errors = await Promise.all(waits);
    expect(Date.now() - cancelledAt).toBeLessThan(HOST_CANCEL_SAFETY_NET_MS);
    expect(errors[0].message).toMatch(new RegExp(`^Redis task ${a}: the deployment was cancelled \\(Ctrl-C\\) while waiting, last status 1 \\(Executing\\)`));
    expect(errors[1].initFailure).toMatchObject({ id: String(b), properties: { status: 0, timeout: "10m" } });
  });

  test("a secret requestId stays secret in the outputs", async () => {
    const requestId = task([{ status: 2 }]);
    const created = await plugin.create({ ...inputs(requestId), requestId: secret(requestId) });
    expect(created.properties.requestId).toEqual(secret(requestId));
    expect(created.properties.status).toBe(2);
  });

  test("read queries once and never waits; delete makes no API call", async () => {
    const requestId = task([{ status: 2 }]);
    const created = await plugin.create(inputs(requestId));
    const before = calls(requestId);
    const read = await plugin.read(created.id, { ...created.properties, status: 1 });
    expect(read.properties).toMatchObject({ status: 2, statusText: "Succeeded" });
    await plugin.delete(created.id, created.properties);
    expect(calls(requestId)).toBe(before + 1);
  });

  test("a resource type the plugin does not have is an error naming it", async () => {
    const error = await rejection(plugin.create({ requestId: 1 }, { urn: "urn:pulumi:test::p::tencentcloud-redis-task:index:Other::x" }));
    expect(error.message).toBe("tencentcloud-redis-task: unknown resource type tencentcloud-redis-task:index:Other");
  });
});

describe("getTaskInfo", () => {
  test("Invoke reads the task once with the provider's settings", async () => {
    const requestId = task([{ status: 1 }], { instanceId: "crs-9" });
    const { result, failures } = await plugin.invoke(GET_TASK_INFO, { requestId, apiVersion: "v3" });
    expect(failures).toEqual([]);
    expect(result).toMatchObject({ requestId, status: 1, statusText: "Executing", instanceId: "crs-9", region: REGION, apiVersion: "v3", code: 0 });
    expect(calls(requestId)).toBe(1);
  });

  test("a bad argument is a failure naming it; an unknown function an error", async () => {
    const { result, failures } = await plugin.invoke(GET_TASK_INFO, { requestId: "soon" });
    expect(result).toBeUndefined();
    expect(failures).toEqual([{ property: "requestId", reason: expect.stringContaining('requestId must be a non-negative integer task ID (a number or a numeric string) no larger than 2^53-1; got "soon"') }]);
    await expect(plugin.invoke("tencentcloud-redis-task:index:other", {})).rejects.toThrow("unknown function tencentcloud-redis-task:index:other");
  });
});

test("the secret key appears in no response and in nothing the plugin wrote or logged", () => {
  expect(plugin.transcript().length).toBeGreaterThan(1000);
  for (const text of [plugin.transcript(), plugin.output(), JSON.stringify(engine.messages)]) expect(text).not.toContain(SECRET_KEY);
});
