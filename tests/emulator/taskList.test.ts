/**
 * The emulator's DescribeTaskList through real HTTP: paging rules, filters, names as codes,
 * Progress along the timeline, the signature checks, and listings counted per instance.
 */
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY, type RunningEmulator, startEmulator } from "../../provider/emulator";
import { instanceTaskLister } from "../../provider/gate/taskListQuery";
import type { ClientSettings } from "../../provider/api/types";
import { callV3, virtualClock } from "./signedRequests";

const INSTANCE = "crs-list0001";
const clock = virtualClock(Date.parse("2024-05-01T08:00:00Z"));
let emu: RunningEmulator;
let settings: ClientSettings;

const list = (body: Record<string, unknown>, extra: Parameters<typeof callV3>[2] = {}) =>
  callV3(emu.url, clock.now(), { body: JSON.stringify(body), headers: { "X-TC-Action": "DescribeTaskList" }, ...extra });

beforeAll(async () => {
  emu = await startEmulator({ clock: clock.now });
  settings = { secretId: DEFAULT_EMULATOR_SECRET_ID, secretKey: DEFAULT_EMULATOR_SECRET_KEY, region: "ap-guangzhou", apiVersion: "v3", endpoint: emu.url };
  // The oldest task of the instance runs (ID 1000); 249 newer ones succeeded; another instance has one.
  emu.addTask({ requestId: 1000, instanceId: INSTANCE, taskType: "FLOW_RESIZE", timeline: [{ status: 1, ms: 60_000 }, { status: 2 }] });
  clock.advance(1000);
  for (let id = 1001; id < 1250; id++) emu.addTask({ requestId: id, instanceId: INSTANCE, taskType: "FLOW_BACKUPINSTANCE", timeline: [{ status: 2 }] });
  emu.addTask({ requestId: 2000, instanceId: "crs-other001", taskType: "FLOW_RESIZE", timeline: [{ status: 1 }] });
  // Start the oldest task's clock first, so its StartTime is older than the others'.
  emu.releaseTask(1000);
  clock.advance(1000);
});
afterAll(() => emu.close());

describe("DescribeTaskList paging", () => {
  it("serves 250 tasks in pages of Limit, newest first, the oldest on the last page", async () => {
    const pages = await Promise.all([0, 100, 200].map((Offset) => list({ InstanceId: INSTANCE, Limit: 100, Offset })));
    expect(pages.map((p) => p.json.Response.TotalCount)).toEqual([250, 250, 250]);
    expect(pages.map((p) => p.json.Response.Tasks.length)).toEqual([100, 100, 50]);
    const last = pages[2].json.Response.Tasks;
    expect(last[last.length - 1]).toMatchObject({ TaskId: 1000, Result: 1, TaskType: "002", InstanceId: INSTANCE });
    expect(pages[0].json.Response.Tasks[0]).toMatchObject({ TaskType: "012", Result: 2, Progress: 1 });
  });

  it("defaults Limit to 20", async () => {
    const page = await list({ InstanceId: INSTANCE });
    expect(page.json.Response.Tasks).toHaveLength(20);
  });

  it.each([
    [{ Limit: 101 }, "Limit"],
    [{ Limit: 0 }, "Limit"],
    [{ Limit: 100, Offset: 50 }, "Offset"],
    [{ Limit: 20, Offset: -20 }, "Offset"],
    [{ TaskTypes: ["RESIZE"] }, "TaskTypes"],
    [{ Result: [3] }, "Result"],
    [{ BeginTime: "2024-05-01" }, "BeginTime"],
  ])("rejects %j naming %s", async (params, name) => {
    const reply = await list({ InstanceId: INSTANCE, ...params });
    expect(reply.json.Response.Error.Code).toBe("InvalidParameterValue");
    expect(reply.json.Response.Error.Message).toContain(name);
  });

  it("checks the TC3 signature like DescribeTaskInfo", async () => {
    const reply = await list({ InstanceId: INSTANCE }, { secretKey: "wrong" });
    expect(reply.json.Response.Error.Code).toBe("AuthFailure.SignatureFailure");
  });
});

describe("DescribeTaskList filters", () => {
  it("Result finds the one running task of 250 on one page", async () => {
    const reply = await list({ InstanceId: INSTANCE, Limit: 100, Result: [0, 1] });
    expect(reply.json.Response.TotalCount).toBe(1);
    expect(reply.json.Response.Tasks[0].TaskId).toBe(1000);
  });

  it("TaskTypes takes names and matches the tasks' types", async () => {
    const reply = await list({ InstanceId: INSTANCE, Limit: 100, TaskTypes: ["FLOW_RESIZE"] });
    expect(reply.json.Response.Tasks.map((t: { TaskId: number }) => t.TaskId)).toEqual([1000]);
  });

  it("InstanceId keeps other instances' tasks out", async () => {
    const reply = await list({ InstanceId: "crs-other001", Limit: 100 });
    expect(reply.json.Response.Tasks.map((t: { TaskId: number }) => t.TaskId)).toEqual([2000]);
  });

  it("BeginTime and EndTime bound StartTime (Beijing time)", async () => {
    // Task 1000 started at 08:00:01 UTC = 16:00:01 Beijing; the others at 16:00:02.
    const before = await list({ InstanceId: INSTANCE, Limit: 100, EndTime: "2024-05-01 16:00:01" });
    expect(before.json.Response.Tasks.map((t: { TaskId: number }) => t.TaskId)).toEqual([1000]);
    const after = await list({ InstanceId: INSTANCE, Limit: 100, BeginTime: "2024-05-01 16:00:02" });
    expect(after.json.Response.TotalCount).toBe(249);
  });
});

describe("Progress and EndTime along the timeline", () => {
  it("grows while the task runs and is 1 with an EndTime once it is done", async () => {
    const id = 3000;
    emu.addTask({ requestId: id, instanceId: "crs-prog0001", timeline: [{ status: 0, ms: 10_000 }, { status: 1, ms: 30_000 }, { status: 2 }] });
    const read = async () => (await list({ InstanceId: "crs-prog0001" })).json.Response.Tasks[0];
    expect(await read()).toMatchObject({ Progress: 0, Result: 0, EndTime: "0000-00-00 00:00:00" });
    clock.advance(20_000);
    expect(await read()).toMatchObject({ Progress: 0.5, Result: 1 });
    clock.advance(20_000);
    const done = await read();
    expect(done).toMatchObject({ Progress: 1, Result: 2 });
    expect(done.EndTime).toBe(new Date(Date.parse(`${done.StartTime}Z`) + 40_000).toISOString().slice(0, 19).replace("T", " "));
  });

  it("a failed task is listed with Result 4", async () => {
    emu.addTask({ requestId: 3100, instanceId: "crs-fail0001", timeline: [{ status: 3 }] });
    const reply = await list({ InstanceId: "crs-fail0001" });
    expect(reply.json.Response.Tasks[0]).toMatchObject({ Result: 4, Progress: 1 });
  });
});

describe("listings counted per instance", () => {
  it("counts a listing per first page, every call as a call, and wakes a waiter at the N-th", async () => {
    const instance = "crs-count001";
    emu.addTask({ requestId: 4000, instanceId: instance, timeline: [{ status: 1 }] });
    const third = emu.waitForListings(instance, 3);
    const lister = instanceTaskLister(settings, { budget: false, clock: { now: clock.now, sleep: async () => undefined } });
    await lister({ instanceId: instance });
    await lister({ instanceId: instance });
    expect(emu.listingState(instance)).toEqual({ instanceId: instance, listings: 2, calls: 2 });
    await lister({ instanceId: instance });
    await expect(third).resolves.toMatchObject({ listings: 3 });
  });

  it("answers the same over the control route", async () => {
    const reply = await fetch(`${emu.url}/_emulator/instances/crs-count001/listings?atLeast=3`);
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ instanceId: "crs-count001", listings: 3 });
    const late = await fetch(`${emu.url}/_emulator/instances/crs-count001/listings?atLeast=99&timeoutMs=50`);
    expect(late.status).toBe(408);
  });

  it("the real client pages through 250 tasks: three calls, one listing", async () => {
    const before = emu.listingState(INSTANCE);
    const lister = instanceTaskLister(settings, { budget: false, clock: { now: clock.now, sleep: async () => undefined } });
    const result = await lister({ instanceId: INSTANCE });
    expect(result.tasks).toHaveLength(250);
    expect(result.tasks.find((t) => t.taskId === 1000)).toMatchObject({ taskType: "FLOW_RESIZE", result: 1, resultText: "Running" });
    expect(emu.listingState(INSTANCE)).toEqual({ instanceId: INSTANCE, listings: before.listings + 1, calls: before.calls + 3 });
  });
});
