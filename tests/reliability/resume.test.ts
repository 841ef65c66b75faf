/**
 * Nothing lost: a wait interrupted by a killed provider host, or recorded as not ready after
 * its timeout, is resumed by the next `pulumi up` and succeeds. The real dynamic-provider host
 * runs in a project that installs the packed package, driven over gRPC the way the engine drives
 * it on the next `up`:
 *
 * - Host killed during Create: the engine keeps only a *pending create* (no ID, no outputs). Since
 *   Pulumi 3.29 (pulumi/pulumi#9293) the next `up` warns about it and proceeds; the resource is
 *   not in state, so the engine calls Check (no olds) and Create again with the registered inputs.
 * - Timeout: the provider throws a partial failure, the engine records the resource with its
 *   init errors, and the next `up` calls Update (init errors force an update even when Diff
 *   reports no change).
 * - `pulumi refresh` in between: a successful Read clears the init errors, so only Diff decides.
 */
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { packedProject } from "../support/packedProject";
import type { Registration } from "../support/registration";
import { DIFF_NONE, DIFF_SOME, startProviderHost, type HostCallError, type ProviderHost } from "../support/providerHost";
import { cleanEnv, STACK_CONFIG } from "../support/emulatorEnv";
import { stepOnPolls } from "../support/taskScript";
import type { TaskStatusCode } from "../../provider/api/status";
import { nextRequestId } from "./support/gate";
import { cachedRegistration } from "./support/registered";

jest.setTimeout(60_000);


let project: string;
let emulator: RunningEmulator;
/** What the SDK registers for a TaskWait (once: the __provider text is the same for every gate). */
let registered: Registration;
/** A host for the tests that need no kill. */
let host: ProviderHost;
const hosts: ProviderHost[] = [];

async function freshHost(): Promise<ProviderHost> {
  const started = await startProviderHost(project, cleanEnv());
  hosts.push(started);
  await started.configure(STACK_CONFIG);
  return started;
}

/**
 * The registered inputs of a gate on a new emulator task held at `status`: the test moves it on
 * (stepOnPolls), so "still running when the wait is cut short" holds on any machine.
 */
function gate(status: TaskStatusCode, args: Record<string, unknown> = {}): Record<string, unknown> {
  const requestId = nextRequestId();
  emulator.addTask({ requestId, timeline: [{ status }], held: true, taskType: "FLOW_RESIZE", instanceId: "crs-resume01" });
  return { ...registered.inputs, requestId, endpoint: emulator.url, minPollInterval: "100ms", maxPollInterval: "200ms", ...args };
}

async function failure(call: Promise<unknown>): Promise<HostCallError> {
  return call.then(
    () => {
      throw new Error("the call succeeded");
    },
    (error: HostCallError) => error,
  );
}

beforeAll(async () => {
  project = packedProject();
  emulator = await startEmulator();
  registered = cachedRegistration(project);
  host = await freshHost();
}, 180_000);

afterAll(async () => {
  for (const started of hosts) await started.close().catch(() => undefined);
  await emulator?.close();
});

test("v2 and v3: a host killed (SIGKILL) in the middle of create waits; the next up creates again in a fresh host, which resumes and succeeds", async () => {
  // Each task is waiting until both first waits have polled it a few times, then executing
  // while the host is killed and until the fresh host's first poll, then succeeded.
  const gates = ["v2", "v3"].map((apiVersion) => gate(0, { apiVersion }));
  const ids = gates.map((inputs) => Number(inputs.requestId));
  const keys = ids.map(String);
  // The engine starts a new host for the next `up`; starting it beforehand only saves test time.
  const [first, second] = await Promise.all([freshHost(), freshHost()]);

  let settled = 0;
  const interrupted = gates.map(async (inputs) => failure(first.create((await first.check({}, inputs)).inputs).finally(() => settled++)));
  await Promise.all(ids.map((id) => emulator.waitForQueries(id, 3))); // both waiting, a few polls in
  expect(settled).toBe(0);
  ids.forEach((id) => emulator.setTaskStatus(id, 1));
  const exited = new Promise((resolve) => first.process.once("exit", (_code, signal) => resolve(signal)));
  first.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  for (const call of interrupted) expect((await call).message).toMatch(/UNAVAILABLE|Connection dropped|ECONNRESET|No connection established/i);

  // The next `up`: a pending create is not a resource in state, so Check has no olds and Create runs again.
  // Each task succeeds once the new wait has polled it.
  const pollsBefore = keys.map((key) => emulator.stats().byRequestId[key]);
  const [created] = await Promise.all([
    Promise.all(gates.map(async (inputs) => second.create((await second.check({}, inputs)).inputs))),
    Promise.all(ids.map((id) => stepOnPolls(emulator, id, [2]))),
  ]);
  gates.forEach((inputs, i) => {
    expect(created[i].id).toBe(keys[i]);
    expect(created[i].properties).toMatchObject({ requestId: inputs.requestId, status: 2, statusText: "Succeeded", apiVersion: inputs.apiVersion });
    // The new wait picked the task up where it stood: Executing at its first poll, not Waiting ...
    expect(second.output()).toContain(`task ${keys[i]}: Executing`);
    expect(second.output()).not.toContain(`task ${keys[i]}: Waiting`);
    // ... and ended at the first poll that found it succeeded.
    expect(emulator.stats().byRequestId[keys[i]]).toBe(pollsBefore[i] + 2);
  });
  expect(created[1].properties).toMatchObject({ taskType: "FLOW_RESIZE", instanceId: "crs-resume01" });
});

test("v3: a wait past its timeout is recorded as not ready (initFailure); the next up's update resumes it and succeeds", async () => {
  // Held executing past the create's timeout (2 s); it succeeds once the update has polled it.
  const inputs = gate(1, { apiVersion: "v3", timeout: "2s" });
  const error = await failure(host.create((await host.check({}, inputs)).inputs));
  expect(error.message).toContain(`Redis task ${inputs.requestId} did not finish within the timeout of 2s: last status 1 (Executing)`);
  expect(error.initFailure).toBeDefined();
  const { id, properties } = error.initFailure!;
  expect(properties).toMatchObject({ requestId: inputs.requestId, status: 1, apiVersion: "v3", taskType: "FLOW_RESIZE" });
  expect(properties.__provider).toBe(registered.inputs.__provider);

  // The next `up` with the program unchanged: Check (olds = recorded inputs), Diff, then Update,
  // which the engine runs because of the init errors even though Diff finds nothing to change.
  const checked = await host.check(inputs, inputs);
  expect(checked.failures).toEqual([]);
  const diff = await host.diff(id, properties, checked.inputs);
  expect(diff.replaces).toEqual([]);
  const [updated] = await Promise.all([host.update(id, properties, checked.inputs), stepOnPolls(emulator, Number(inputs.requestId), [2])]);
  expect(updated.properties).toMatchObject({ status: 2, statusText: "Succeeded", apiVersion: "v3", instanceId: "crs-resume01" });
  expect(Number(updated.properties.polls)).toBeGreaterThan(Number(properties.polls));
  expect(typeof updated.properties.completedAt).toBe("string");
});

test("v2: after a `pulumi refresh` of a not-ready gate (init errors cleared), the next up still resumes the wait", async () => {
  // Held executing past the create's timeout (1.5 s) and the refresh; it succeeds once the update
  // has polled it, within the update's own 1.5 s.
  const inputs = gate(1, { timeout: "1500ms" });
  const error = await failure(host.create((await host.check({}, inputs)).inputs));
  const { id, properties } = error.initFailure!;
  expect(properties.status).toBe(1);

  // `pulumi refresh`: Read succeeds (the task is still running), which clears the init errors.
  const refreshed = await host.read(id, properties);
  expect(refreshed.properties).toMatchObject({ status: 1, statusText: "Executing" });

  // The next `up` updates only if Diff reports a change: a gate recorded as not ready always does.
  const diff = await host.diff(id, refreshed.properties, inputs);
  expect({ changes: diff.changes === DIFF_NONE ? "DIFF_NONE" : diff.changes === DIFF_SOME ? "DIFF_SOME" : diff.changes, replaces: diff.replaces }).toEqual({
    changes: "DIFF_SOME",
    replaces: [],
  });
  const [updated] = await Promise.all([host.update(id, refreshed.properties, inputs), stepOnPolls(emulator, Number(inputs.requestId), [2])]);
  expect(updated.properties).toMatchObject({ status: 2, statusText: "Succeeded" });
});
