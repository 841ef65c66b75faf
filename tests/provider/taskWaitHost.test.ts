/**
 * TaskWait through the real dynamic-provider host, driven over gRPC as the engine drives it, in a
 * project where the package is installed from `npm pack` output, against the emulator.
 */
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import * as fs from "fs";
import * as path from "path";
import { packedProject, PROGRAM_NODE, REPO_ROOT } from "../support/packedProject";
import { execFileSync } from "child_process";
import { registerTaskWait, type Registration } from "../support/registration";
import { startProviderHost, type HostCallError, type ProviderHost } from "../support/providerHost";
import { cleanEnv, SECRET_KEY, STACK_CONFIG } from "../support/emulatorEnv";
import { HOST_CANCEL_SAFETY_NET_MS, SLEEPY_POLLS } from "../support/safetyNets";
import { stepOnPolls } from "../support/taskScript";

jest.setTimeout(60_000);

let project: string;
let emulator: RunningEmulator;
let host: ProviderHost;
let nextTask = 50_000;

/** A task following `timeline` on a fresh ID, and the TaskWait inputs the SDK registers for it. */
function taskWait(timeline: { status: number; ms?: number }[], args: Record<string, unknown> = {}, extra: Record<string, string | boolean> = {}): Registration {
  const requestId = nextTask++;
  emulator.addTask({ requestId, timeline: timeline as never, ...extra });
  return registerTaskWait(project, "gate", { requestId, endpoint: emulator.url, minPollInterval: "100ms", maxPollInterval: "300ms", ...args });
}

beforeAll(async () => {
  project = packedProject();
  emulator = await startEmulator();
  host = await startProviderHost(project, cleanEnv());
  await host.configure(STACK_CONFIG);
});

afterAll(async () => {
  await host?.close();
  await emulator?.close();
});

test("the host runs the SDK and Node this run is for (the pinned ones, or the newest in the compatibility run)", () => {
  const sdkVersion = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, "node_modules/@pulumi/pulumi/package.json"), "utf8")).version;
  expect(sdkVersion(project)).toBe(process.env.REDIS_TASK_COMPAT_PULUMI || sdkVersion(REPO_ROOT));
  const nodeMajor = execFileSync(PROGRAM_NODE, ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" }).trim();
  expect(nodeMajor).toBe(process.env.REDIS_TASK_COMPAT_NODE ? "22" : process.versions.node.split(".")[0]);
});

test("the registered type token and a serialized provider under 2 KB that names the package", () => {
  const reg = taskWait([{ status: 2 }]);
  expect(reg.type).toBe("pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait");
  const text = String(reg.inputs.__provider);
  expect(text.length).toBeLessThanOrEqual(2048);
  expect(text).toContain('require("pulumi-tencentcloud-redis-task")');
  expect(text).not.toContain("node_modules");
  expect(text).not.toContain(SECRET_KEY);
});

test("customTimeouts.create becomes the wait's timeout when no timeout is given, since the host never delivers it", () => {
  const fromOpts = registerTaskWait(project, "gate", { requestId: 1 }, { customTimeouts: { create: "7m" } });
  expect(fromOpts.inputs.timeout).toBe("7m");
  const explicit = registerTaskWait(project, "gate", { requestId: 1, timeout: "90s" }, { customTimeouts: { create: "7m" } });
  expect(explicit.inputs.timeout).toBe("90s");
  expect(fromOpts.inputs.displayName).toBe("gate");
  // No credential among the inputs; requestIdIsSecret is only the flag that the requestId is a secret.
  expect(fromOpts.inputs.requestIdIsSecret).toBe(false);
  expect(Object.keys(fromOpts.inputs).filter((k) => /secret|key|token/i.test(k) && k !== "requestIdIsSecret")).toEqual([]);
});

test("create blocks until the task succeeds and records the task's outputs", async () => {
  // Held waiting; it executes after the first poll and succeeds after the second: the create
  // can only end after the task's success, which the test holds back until it has been polled twice.
  const reg = taskWait([{ status: 0 }], { apiVersion: "v3" }, { taskType: "FLOW_RESIZE", instanceId: "crs-1", held: true });
  const checked = await host.check({}, reg.inputs);
  expect(checked.failures).toEqual([]);
  const started = Date.now();
  const order: string[] = [];
  const script = stepOnPolls(emulator, Number(reg.inputs.requestId), [1, 2]).then(() => order.push("succeeded"));
  const created = await host.create(checked.inputs).finally(() => order.push("created"));
  await script;
  expect(order).toEqual(["succeeded", "created"]);
  expect(created.id).toBe(String(reg.inputs.requestId));
  expect(created.properties).toMatchObject({
    requestId: reg.inputs.requestId,
    status: 2,
    statusText: "Succeeded",
    region: "ap-guangzhou",
    apiVersion: "v3",
    taskType: "FLOW_RESIZE",
    instanceId: "crs-1",
  });
  expect(created.properties.polls).toBeGreaterThanOrEqual(3);
  expect(new Date(String(created.properties.completedAt)).getTime()).toBeGreaterThanOrEqual(started);
  expect(host.output()).toMatch(new RegExp(`\\[TaskWait gate\\] task ${reg.inputs.requestId}: Waiting, \\d+ polls`));
  expect(host.output()).toMatch(new RegExp(`\\[TaskWait gate\\] task ${reg.inputs.requestId}: Executing, \\d+ polls`));
  expect(host.output()).toContain(`task ${reg.inputs.requestId}: Succeeded`);
});

test("a failed task fails the create with the task's status, message, time and polls", async () => {
  const reg = taskWait([{ status: 1, ms: 200 }, { status: 3 }], { apiVersion: "v3" }, { taskMessage: "resize failed: no capacity" });
  const error: HostCallError = await host.create(reg.inputs).then(
    () => {
      throw new Error("create succeeded");
    },
    (e) => e,
  );
  expect(error.message).toMatch(new RegExp(`^Redis task ${reg.inputs.requestId} failed: status 3 \\(Failed\\) after \\d+s, \\d+ polls: resize failed: no capacity$`));
  expect(error.initFailure).toBeUndefined();
});

test("an execution error (-1) fails the create too", async () => {
  const reg = taskWait([{ status: -1 }]);
  await expect(host.create(reg.inputs)).rejects.toThrow(new RegExp(`^Redis task ${reg.inputs.requestId} failed: status -1 \\(Error\\) after \\d+s, 1 poll$`));
});

test("a timeout is a partial failure with id and properties, and the next update resumes and succeeds", async () => {
  // Held executing: it cannot finish before the timeout, however slowly the host runs.
  const reg = taskWait([{ status: 1 }], { timeout: "1s" }, { held: true });
  const error: HostCallError = await host.create(reg.inputs).then(
    () => {
      throw new Error("create succeeded");
    },
    (e) => e,
  );
  expect(error.message).toContain(`Redis task ${reg.inputs.requestId} did not finish within the timeout of 1s: last status 1 (Executing)`);
  expect(error.initFailure).toBeDefined();
  const { id, properties, reasons } = error.initFailure!;
  expect(id).toBe(String(reg.inputs.requestId));
  expect(properties).toMatchObject({ status: 1, statusText: "Executing", requestId: reg.inputs.requestId });
  expect(properties.__provider).toBe(reg.inputs.__provider);
  expect(reasons[0]).toContain("the next `pulumi up` resumes the wait");

  const news = { ...reg.inputs, timeout: "20s" };
  const diff = await host.diff(id, properties, news);
  expect(diff.replaces).toEqual([]);
  // The resumed wait first finds the task still executing; it succeeds after that poll.
  const [updated] = await Promise.all([host.update(id, properties, news), stepOnPolls(emulator, Number(reg.inputs.requestId), [2])]);
  expect(updated.properties).toMatchObject({ status: 2, statusText: "Succeeded", timeout: "20s" });
  expect(Number(updated.properties.polls)).toBeGreaterThan(Number(properties.polls));
});

test("the engine's Cancel (first Ctrl-C) ends a long wait at once as a partial failure the next update resumes", async () => {
  // After its first poll the wait sleeps 20 s: only the Cancel can end it within the safety net.
  const reg = taskWait([{ status: 1 }], { timeout: "10m", ...SLEEPY_POLLS });
  const created = host.create(reg.inputs).then(
    () => {
      throw new Error("create succeeded");
    },
    (e: HostCallError) => e,
  );
  await emulator.waitForQueries(Number(reg.inputs.requestId), 1);
  const cancelledAt = Date.now();
  await host.cancel();
  const error = await created;
  expect(Date.now() - cancelledAt).toBeLessThan(HOST_CANCEL_SAFETY_NET_MS);
  expect(error.message).toMatch(new RegExp(`Redis task ${reg.inputs.requestId}: the deployment was cancelled \\(Ctrl-C\\) while waiting, last status 1 \\(Executing\\)`));
  expect(error.initFailure).toMatchObject({ id: String(reg.inputs.requestId), properties: { status: 1 } });

  // A wait started after the cancellation is not cut short.
  emulator.addTask({ requestId: Number(reg.inputs.requestId), timeline: [{ status: 2 }] });
  // (With fast polls again: waits on one task in a process share an answer younger than their
  // poll interval, so at 20 s this one would reuse the cancelled wait's "executing".)
  const fastAgain = { ...reg.inputs, minPollInterval: "100ms", maxPollInterval: "300ms" };
  const updated = await host.update(error.initFailure!.id, error.initFailure!.properties, fastAgain);
  expect(updated.properties).toMatchObject({ status: 2 });
});

test("diff replaces on requestId, region, endpoint and apiVersion, and updates timing settings in place", async () => {
  const reg = taskWait([{ status: 2 }]);
  const created = await host.create(reg.inputs);
  const olds = created.properties;
  const id = created.id;
  expect((await host.diff(id, olds, reg.inputs)).changes).toBe(1); // DIFF_NONE
  expect((await host.diff(id, olds, { ...reg.inputs, requestId: 1 })).replaces).toEqual(["requestId"]);
  expect((await host.diff(id, olds, { ...reg.inputs, region: "ap-shanghai" })).replaces).toEqual(["region"]);
  expect((await host.diff(id, olds, { ...reg.inputs, endpoint: "http://127.0.0.1:1" })).replaces).toEqual(["endpoint"]);
  expect((await host.diff(id, olds, { ...reg.inputs, apiVersion: "v3" })).replaces).toEqual(["apiVersion"]);
  const tuned = await host.diff(id, olds, { ...reg.inputs, timeout: "1h" });
  expect(tuned).toEqual({ changes: 2, replaces: [] }); // DIFF_SOME

  // An update of a succeeded wait records the new setting without a single API call.
  const before = emulator.stats().byRequestId[String(reg.inputs.requestId)];
  const updated = await host.update(id, olds, { ...reg.inputs, timeout: "1h" });
  expect(updated.properties).toMatchObject({ status: 2, timeout: "1h" });
  expect(emulator.stats().byRequestId[String(reg.inputs.requestId)]).toBe(before);
});

test("read queries once and never waits; delete makes no API call", async () => {
  const reg = taskWait([{ status: 2 }]);
  const created = await host.create(reg.inputs);
  const key = String(reg.inputs.requestId);
  const before = emulator.stats().byRequestId[key];
  const read = await host.read(created.id, created.properties);
  expect(read.properties).toMatchObject({ status: 2, statusText: "Succeeded" });
  expect(emulator.stats().byRequestId[key]).toBe(before + 1);
  await host.delete(created.id, created.properties);
  expect(emulator.stats().byRequestId[key]).toBe(before + 1);
});

test("refresh keeps a succeeded gate whose task the API no longer knows, and reports one that never succeeded as gone, with a warning", async () => {
  const reg = taskWait([{ status: 2 }]);
  const created = await host.create(reg.inputs);
  const forgotten = { ...created.properties, requestId: 999_999_999 };
  const read = await host.read(created.id, forgotten);
  expect(read.properties).toMatchObject({ status: 2, statusText: "Succeeded", requestId: 999_999_999 });
  // An empty ID is how a read tells the engine the resource no longer exists.
  const gone = await host.read(created.id, { ...forgotten, status: 1, statusText: "Executing" });
  expect(gone.id).toBe("");
  expect(host.output()).toContain(
    "[TaskWait gate] task 999999999: the API no longer knows this task and the gate never saw it succeed (DescribeTaskInfo for Redis task 999999999 failed: API error 11201",
  );
});

test("removing a tuning field from a succeeded gate drops it from the outputs: no API call, and no diff afterwards", async () => {
  const reg = taskWait([{ status: 2 }], { timeout: "1h" });
  const created = await host.create(reg.inputs);
  const key = String(reg.inputs.requestId);
  const before = emulator.stats().byRequestId[key];
  const { timeout: _removed, minPollInterval: _min, maxPollInterval: _max, ...news } = reg.inputs;
  const updated = await host.update(created.id, created.properties, news);
  expect(updated.properties).not.toHaveProperty("timeout");
  expect(updated.properties).not.toHaveProperty("minPollInterval");
  expect(updated.properties).toMatchObject({ status: 2, statusText: "Succeeded" });
  expect(emulator.stats().byRequestId[key]).toBe(before);
  expect(await host.diff(created.id, updated.properties, news)).toEqual({ changes: 1, replaces: [] }); // DIFF_NONE
});

test("removing an endpoint equal to the configured default (TENCENTCLOUD_REDIS_ENDPOINT here) is no change; one that differs replaces", async () => {
  const reg = taskWait([{ status: 2 }]);
  const created = await host.create(reg.inputs);
  const { endpoint: _removed, ...news } = reg.inputs;
  const sameHost = await startProviderHost(project, cleanEnv({ TENCENTCLOUD_REDIS_ENDPOINT: `${emulator.url}/` }));
  try {
    await sameHost.configure(STACK_CONFIG);
    expect(await sameHost.diff(created.id, created.properties, news)).toEqual({ changes: 1, replaces: [] });
    // A gate that never had an endpoint input keeps using the default: no change either.
    const { endpoint: _none, ...recorded } = created.properties;
    expect(await sameHost.diff(created.id, recorded, news)).toEqual({ changes: 1, replaces: [] });
  } finally {
    await sameHost.close();
  }
  // This host has no default endpoint: the public one is another endpoint.
  expect((await host.diff(created.id, created.properties, news)).replaces).toEqual(["endpoint"]);
});

test("check stores the endpoint without its trailing slash, as the outputs record it, so the next diff sees no change", async () => {
  const reg = taskWait([{ status: 2 }], { endpoint: `${emulator.url}/` });
  const checked = await host.check({}, reg.inputs);
  expect(checked.inputs.endpoint).toBe(emulator.url);
  const created = await host.create(checked.inputs);
  expect(created.properties.endpoint).toBe(emulator.url);
  const again = await host.check(checked.inputs, reg.inputs);
  expect(await host.diff(created.id, created.properties, again.inputs)).toEqual({ changes: 1, replaces: [] });
});

test("a timeout before any answer records no status and says so, instead of a made-up 0 (Waiting)", async () => {
  const reg = taskWait([{ status: 1 }], { endpoint: "http://127.0.0.1:9", timeout: "1s" });
  const error: HostCallError = await host.create(reg.inputs).then(
    () => {
      throw new Error("create succeeded");
    },
    (e) => e,
  );
  // The seconds waited are rounded real time: the timeout, or more on a busy machine.
  expect(error.message).toMatch(new RegExp(`Redis task ${reg.inputs.requestId} did not finish within the timeout of 1s: no status received after \\d+s`));
  const { properties } = error.initFailure!;
  expect(properties).not.toHaveProperty("status");
  expect(properties).toMatchObject({ statusText: "No status received", requestId: reg.inputs.requestId });
  expect(Number(properties.polls)).toBeGreaterThanOrEqual(2);
});

test("check rejects bad input naming the field, and lets unknown preview values pass", async () => {
  const reg = taskWait([{ status: 2 }]);
  const bad = await host.check({}, { ...reg.inputs, requestId: "12a", timeout: "soon", apiVersion: "v4", endpoint: "ftp://x" });
  expect(bad.failures.map((f) => f.property).sort()).toEqual(["apiVersion", "endpoint", "requestId", "timeout"]);
  expect(bad.failures.find((f) => f.property === "timeout")!.reason).toContain('timeout must be a positive duration such as "90s"');
  const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
  const preview = await host.check({}, { ...reg.inputs, requestId: unknown, region: unknown });
  expect(preview.failures).toEqual([]);
});

test("a numeric string requestId is accepted and recorded as a number", async () => {
  const reg = taskWait([{ status: 2 }]);
  const checked = await host.check({}, { ...reg.inputs, requestId: String(reg.inputs.requestId) });
  expect(checked.inputs.requestId).toBe(reg.inputs.requestId);
});

test("concurrent waits on the same task share their polls", async () => {
  // Fixed 300 ms intervals: each round, whichever wait polls second finds an answer younger than its interval.
  // The task executes for three API calls, then succeeds: three rounds of polls, whatever the pace.
  const reg = taskWait([{ status: 1 }], { minPollInterval: "300ms", maxPollInterval: "300ms" }, { held: true });
  const [a, b] = await Promise.all([
    host.create(reg.inputs),
    host.create({ ...reg.inputs, displayName: "second" }),
    stepOnPolls(emulator, Number(reg.inputs.requestId), [2], 3),
  ]);
  const calls = emulator.stats().byRequestId[String(reg.inputs.requestId)];
  const polls = Number(a.properties.polls) + Number(b.properties.polls);
  expect(polls).toBeGreaterThanOrEqual(6);
  expect(calls).toBeLessThanOrEqual(polls / 2 + 1);
});

test("the secret key appears in no response of the host and in no output line", () => {
  expect(host.transcript().length).toBeGreaterThan(1000);
  expect(host.transcript()).not.toContain(SECRET_KEY);
  expect(host.output()).not.toContain(SECRET_KEY);
});
