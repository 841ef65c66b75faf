/**
 * The API 3.0 calls that start tasks: each answers a TaskId whose task runs on the emulator's
 * clock, locks its instance while it runs, and ends as the instance's settings say; unknown
 * instances and malformed parameters get the service's errors. Virtual clock, real HTTP.
 */
import { InputError } from "../../provider/api/errors";
import { FIRST_STARTED_TASK_ID, type RunningEmulator, startEmulator } from "../../provider/emulator";
import { callV3, jsonOf, virtualClock } from "./signedRequests";

const clock = virtualClock();
let emu: RunningEmulator;
let lines: string[];

/** Sends `action` with `params` as its JSON body; returns the answer's `Response`. */
const call = async (action: string, params: Record<string, unknown>) =>
  (await callV3(emu.url, clock.now(), { action, body: JSON.stringify(params) })).json.Response;
const taskInfo = async (taskId: number) => (await callV3(emu.url, clock.now(), { taskId })).json.Response;
const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${emu.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: await jsonOf(response) };
};

beforeEach(async () => {
  lines = [];
  emu = await startEmulator({
    clock: clock.now,
    log: (line) => lines.push(line),
    instances: [
      { instanceId: "crs-backup01" },
      { instanceId: "crs-slow0001", taskMs: 60_000 },
      { instanceId: "crs-held0001", held: true },
      { instanceId: "crs-broken01", taskMs: 500, fail: { taskMessage: "backup storage is full", actions: ["ManualBackupInstance"] } },
    ],
  });
});
afterEach(() => emu.close());

describe("a task-starting call", () => {
  it("answers a TaskId whose task runs 3 s from the call, then succeeds, with its type and instance", async () => {
    const started = clock.now();
    const answer = await call("ManualBackupInstance", { InstanceId: "crs-backup01", Remark: "before resize" });
    expect(answer.Error).toBeUndefined();
    expect(answer.TaskId).toBeGreaterThanOrEqual(FIRST_STARTED_TASK_ID);
    clock.advance(2999);
    const running = await taskInfo(answer.TaskId);
    expect(running).toMatchObject({ Status: "running", TaskType: "FLOW_BACKUPINSTANCE", InstanceId: "crs-backup01", TaskMessage: "" });
    // StartTime is the call's time (Beijing), not the first query's.
    expect(running.StartTime).toBe(new Date(started + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 19));
    clock.advance(1);
    expect((await taskInfo(answer.TaskId)).Status).toBe("succeed");
  });

  it.each([
    ["ManualBackupInstance", {}, "FLOW_BACKUPINSTANCE", {}],
    ["ClearInstance", { Password: "s3cret-pass" }, "FLOW_CLEAN", {}],
    ["ModifyInstanceParams", { InstanceParams: [{ Key: "timeout", Value: "300" }] }, "FLOW_MODIFYINSTANCEPARAMS", { Changed: true }],
    ["ResetPassword", { Password: "n3w-s3cret" }, "FLOW_SETPWD", {}],
  ])("%s starts a task of its type", async (action, params, taskType, extra) => {
    const answer = await call(action, { InstanceId: "crs-backup01", ...params });
    expect(answer).toEqual({ TaskId: expect.any(Number), RequestId: expect.any(String), ...extra });
    expect((await taskInfo(answer.TaskId)).TaskType).toBe(taskType);
    expect(emu.instanceTasks("crs-backup01")).toEqual([{ requestId: answer.TaskId, taskType, status: 1 }]);
  });

  it("gives each task a new ID, skipping IDs already added", async () => {
    emu.addTask({ requestId: FIRST_STARTED_TASK_ID, timeline: [{ status: 2 }] });
    const first = (await call("ManualBackupInstance", { InstanceId: "crs-backup01" })).TaskId;
    clock.advance(3000);
    const second = (await call("ManualBackupInstance", { InstanceId: "crs-backup01" })).TaskId;
    expect([first, second]).toEqual([FIRST_STARTED_TASK_ID + 1, FIRST_STARTED_TASK_ID + 2]);
  });

  it("is counted per action in the stats, refused calls included", async () => {
    await call("ModifyInstanceParams", { InstanceId: "crs-slow0001", InstanceParams: [{ Key: "timeout", Value: "1" }] });
    await call("ModifyInstanceParams", { InstanceId: "crs-slow0001", InstanceParams: [{ Key: "timeout", Value: "1" }] });
    await call("ManualBackupInstance", { InstanceId: "crs-nowhere1" });
    expect(emu.stats().byAction).toEqual({ ModifyInstanceParams: 2, ManualBackupInstance: 1 });
  });
});

describe("the instance lock", () => {
  it("refuses a second operation while a task of the instance runs, and accepts it once the task ended", async () => {
    const backup = (await call("ManualBackupInstance", { InstanceId: "crs-slow0001" })).TaskId;
    clock.advance(59_999);
    const refused = await call("ModifyInstanceParams", { InstanceId: "crs-slow0001", InstanceParams: [{ Key: "timeout", Value: "300" }] });
    expect(refused.Error).toEqual({ Code: "ResourceUnavailable.InstanceLockedError", Message: `The instance crs-slow0001 is locked by task ${backup} (FLOW_BACKUPINSTANCE); retry once it has ended` });
    expect(refused.TaskId).toBeUndefined();
    clock.advance(1);
    const accepted = await call("ModifyInstanceParams", { InstanceId: "crs-slow0001", InstanceParams: [{ Key: "timeout", Value: "300" }] });
    expect(accepted.TaskId).toBe(backup + 1);
    expect(emu.instanceTasks("crs-slow0001").map((t) => t.status)).toEqual([2, 1]);
  });

  it("counts a waiting task (status 0) added by a test as running", async () => {
    emu.addTask({ requestId: 5, timeline: [{ status: 0, ms: 1000 }, { status: 2 }], instanceId: "crs-backup01" });
    expect((await call("ClearInstance", { InstanceId: "crs-backup01" })).Error.Code).toBe("ResourceUnavailable.InstanceLockedError");
  });

  it("lets the task clock decide when a held instance's task ends", async () => {
    const taskId = (await call("ResetPassword", { InstanceId: "crs-held0001", NoAuth: true })).TaskId;
    clock.advance(3_600_000);
    expect(emu.taskState(taskId)).toEqual({ requestId: taskId, status: 1, queries: 0, held: true });
    expect((await call("ResetPassword", { InstanceId: "crs-held0001", NoAuth: true })).Error.Code).toBe("ResourceUnavailable.InstanceLockedError");
    emu.setTaskStatus(taskId, 2);
    expect((await call("ResetPassword", { InstanceId: "crs-held0001", NoAuth: true })).TaskId).toBe(taskId + 1);
  });
});

describe("the started tasks in DescribeTaskList", () => {
  it("lists them with their type code, progress and result, newest first, and a listing leaves the lock as it was", async () => {
    const backup = (await call("ManualBackupInstance", { InstanceId: "crs-slow0001" })).TaskId;
    clock.advance(30_000);
    const listing = await call("DescribeTaskList", { InstanceId: "crs-slow0001", Result: [0, 1] });
    expect(listing.TotalCount).toBe(1);
    // FLOW_BACKUPINSTANCE is listed as its code, half way along its 60 s.
    expect(listing.Tasks[0]).toMatchObject({ TaskId: backup, TaskType: "012", InstanceId: "crs-slow0001", Result: 1, Progress: 0.5 });
    clock.advance(30_000);
    const params = (await call("ModifyInstanceParams", { InstanceId: "crs-slow0001", InstanceParams: [{ Key: "timeout", Value: "300" }] })).TaskId;
    const all = await call("DescribeTaskList", { InstanceId: "crs-slow0001" });
    expect(all.Tasks.map((t: { TaskId: number; Result: number }) => [t.TaskId, t.Result])).toEqual([
      [params, 1],
      [backup, 2],
    ]);
    expect(emu.listingState("crs-slow0001")).toMatchObject({ listings: 2 });
  });

  it("serves the instance's task and listing routes side by side", async () => {
    await call("ClearInstance", { InstanceId: "crs-backup01" });
    await call("DescribeTaskList", { InstanceId: "crs-backup01" });
    expect((await control("GET", "/_emulator/instances/crs-backup01/tasks")).json).toEqual([{ requestId: expect.any(Number), taskType: "FLOW_CLEAN", status: 1 }]);
    expect((await control("GET", "/_emulator/instances/crs-backup01/listings")).json).toEqual({ instanceId: "crs-backup01", listings: 1, calls: 1 });
  });
});

describe("failing operations", () => {
  it("ends the scenario's failing actions failed with its message, and others succeed", async () => {
    const backup = (await call("ManualBackupInstance", { InstanceId: "crs-broken01" })).TaskId;
    clock.advance(500);
    expect(await taskInfo(backup)).toMatchObject({ Status: "failed", TaskMessage: "backup storage is full" });
    const clear = (await call("ClearInstance", { InstanceId: "crs-broken01" })).TaskId;
    clock.advance(500);
    expect(await taskInfo(clear)).toMatchObject({ Status: "succeed", TaskMessage: "" });
  });
});

describe("which instances exist", () => {
  it("answers ResourceNotFound.InstanceNotExists for an undeclared instance", async () => {
    const answer = await call("ManualBackupInstance", { InstanceId: "crs-nowhere1" });
    expect(answer.Error).toEqual({ Code: "ResourceNotFound.InstanceNotExists", Message: "The instance crs-nowhere1 does not exist" });
    expect(() => emu.instanceTasks("crs-nowhere1")).toThrow(InputError);
  });

  it("knows an instance named by a task added over the control route", async () => {
    expect((await control("POST", "/_emulator/tasks", { requestId: 9, timeline: [{ status: 2 }], instanceId: "crs-fromtask" })).status).toBe(201);
    const answer = await call("ManualBackupInstance", { InstanceId: "crs-fromtask" });
    expect(answer.TaskId).toEqual(expect.any(Number));
    expect((await control("GET", "/_emulator/instances/crs-fromtask/tasks")).json).toEqual([
      { requestId: 9, taskType: "", status: 2 },
      { requestId: answer.TaskId, taskType: "FLOW_BACKUPINSTANCE", status: 1 },
    ]);
  });

  it("declares instances over the control route, naming a bad field", async () => {
    expect(await control("POST", "/_emulator/instances", { instanceId: "crs-posted01", taskMs: 10 })).toEqual({ status: 201, json: { instanceId: "crs-posted01" } });
    expect((await call("ClearInstance", { InstanceId: "crs-posted01" })).TaskId).toEqual(expect.any(Number));
    const bad = await control("POST", "/_emulator/instances", { instanceId: "crs-posted02", taskMs: "fast" });
    expect(bad).toEqual({ status: 400, json: { field: "instance.taskMs", error: 'instance.taskMs must be a non-negative number of milliseconds; got "fast"' } });
    expect((await control("GET", "/_emulator/instances/crs-unknown1/tasks")).status).toBe(404);
  });

  it.each([
    [{ instanceId: "" }, "instances[0].instanceId"],
    [{ instanceId: "crs-a", held: "yes" }, "instances[0].held"],
    [{ instanceId: "crs-a", fail: { taskMessage: "" } }, "instances[0].fail.taskMessage"],
    [{ instanceId: "crs-a", fail: { taskMessage: "x", actions: ["DestroyInstance"] } }, "instances[0].fail.actions"],
    [{ instanceId: "crs-a", taskMs: -1 }, "instances[0].taskMs"],
    [{ instanceId: "crs-a", taskMS: 1 }, "instances[0].taskMS"],
  ])("startEmulator refuses %j, naming %s", async (instance, field) => {
    await expect(startEmulator({ instances: [instance as never] })).rejects.toMatchObject({ field });
  });
});

describe("parameters", () => {
  it.each([
    ["ManualBackupInstance", {}, "MissingParameter", "The parameter InstanceId is missing"],
    ["ManualBackupInstance", { InstanceId: 7 }, "InvalidParameterValue", "InstanceId must be an instance ID string"],
    ["ManualBackupInstance", { InstanceId: "crs-backup01", StorageDays: 4000 }, "InvalidParameterValue", "StorageDays must be an integer from 0 to 1825"],
    ["ModifyInstanceParams", { InstanceId: "crs-backup01" }, "MissingParameter", "The parameter InstanceParams is missing"],
    ["ModifyInstanceParams", { InstanceId: "crs-backup01", InstanceParams: [{ Key: "timeout", Value: 300 }] }, "InvalidParameter", 'InstanceParams must be a non-empty array of {"Key": "…", "Value": "…"}'],
    ["ResetPassword", { InstanceId: "crs-backup01" }, "MissingParameter", "The parameter Password is missing"],
  ])("%s with %j: %s", async (action, params, code, message) => {
    expect((await call(action, params)).Error).toEqual({ Code: code, Message: message });
    expect(emu.instanceTasks("crs-backup01")).toEqual([]);
  });

  it("never writes a password to the log", async () => {
    await call("ResetPassword", { InstanceId: "crs-backup01", Password: "Pa55word-9f3k" });
    clock.advance(3000);
    await call("ClearInstance", { InstanceId: "crs-backup01", Password: "Pa55word-9f3k" });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/action=ResetPassword .*-> Success/);
    expect(lines.join("\n")).not.toContain("Pa55word");
  });

  it("still refuses an unknown action", async () => {
    expect((await call("DestroyInstance", { InstanceId: "crs-backup01" })).Error.Code).toBe("InvalidAction");
    expect((await call("toString", { InstanceId: "crs-backup01" })).Error.Code).toBe("InvalidAction");
  });
});
