/**
 * The plugin door over each resource core, in process: the secret flag a core names is set from
 * the engine's wrapper and never leaks into the inputs it records, diffs name each changed
 * property (inputs, and the output an update recomputes), and import is the core's to allow.
 */
import { InputError } from "../../provider/api/errors";
import { PLUGIN_RESOURCES } from "../../provider/doors/plugin/resources";
import { INSTANCE_IDLE_TOKEN, TASK_WAIT_TOKEN } from "../../provider/doors/plugin/tokens";

const SIG = "4dabf18193072939515e22adb298388d";
const secret = (value: unknown) => ({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", value });

const taskWait = PLUGIN_RESOURCES[TASK_WAIT_TOKEN];
const instanceIdle = PLUGIN_RESOURCES[INSTANCE_IDLE_TOKEN];

const recordedGate = { requestId: 42, region: "ap-guangzhou", apiVersion: "v2", status: 2, statusText: "Succeeded", polls: 3, waitedSeconds: 6 };
const recordedIdle = { instanceId: "crs-abcd1234", failOn: "none", region: "ap-guangzhou", apiVersion: "v3", idle: true, tasks: [], polls: 1, waitedSeconds: 0 };

describe("secrets", () => {
  test("check keeps a secret requestId wrapped and records no flag", async () => {
    const checked = await taskWait.check({}, { requestId: secret("42") });
    expect(checked).toEqual({ inputs: { requestId: secret(42) }, failures: [] });
  });

  test("a requestId that became secret replaces the gate (its ID must not show the task), reported as requestId", async () => {
    const diff = await taskWait.diff("42", recordedGate, { requestId: secret(42), region: "ap-guangzhou" });
    expect(diff.replaces).toEqual(["requestId"]);
    expect(diff.detailed).toEqual([{ name: "requestId", replace: true, input: true }]);
  });
});

describe("diffs", () => {
  test("a TaskWait not recorded as succeeded names status, an output its update recomputes", async () => {
    const diff = await taskWait.diff("42", { ...recordedGate, status: 1 }, { requestId: 42, region: "ap-guangzhou", timeout: "1h" });
    expect(diff).toMatchObject({ changes: true, replaces: [], diffs: ["timeout", "status"] });
    expect(diff.detailed).toEqual([
      { name: "timeout", replace: false, input: true },
      { name: "status", replace: false, input: false },
    ]);
  });

  test("an InstanceIdle names its changed inputs, and idle when it is not ready", async () => {
    const retuned = await instanceIdle.diff("crs-abcd1234", recordedIdle, { instanceId: "crs-abcd1234", region: "ap-guangzhou", failOn: "failedSinceStart" });
    expect(retuned.detailed).toEqual([{ name: "failOn", replace: false, input: true }]);
    const moved = await instanceIdle.diff("crs-abcd1234", { ...recordedIdle, idle: false }, { instanceId: "crs-efgh5678", region: "ap-guangzhou", failOn: "none" });
    expect(moved.replaces).toEqual(["instanceId"]);
    expect(moved.detailed).toEqual([
      { name: "instanceId", replace: true, input: true },
      { name: "idle", replace: false, input: false },
    ]);
  });

  test("no change, no names", async () => {
    const diff = await instanceIdle.diff("crs-abcd1234", recordedIdle, { instanceId: "crs-abcd1234", region: "ap-guangzhou", failOn: "none" });
    expect(diff).toMatchObject({ changes: false, diffs: [], detailed: [] });
  });
});

describe("import", () => {
  test("a TaskWait is imported by its task ID only", async () => {
    const error = await taskWait.read("not-a-task", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain("a TaskWait is imported by its Redis task ID");
  });

  test("an InstanceIdle cannot be imported, and says so before any call", async () => {
    const error = await instanceIdle.read("crs-abcd1234", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(`${INSTANCE_IDLE_TOKEN} cannot be imported`);
  });
});
