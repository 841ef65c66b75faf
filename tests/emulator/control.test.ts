/** Control routes: adding tasks, stats, fault settings, and unknown routes. */
import { InputError } from "../../provider/api/errors";
import { type RunningEmulator, startEmulator } from "../../provider/emulator";
import { callV2, callV3, jsonOf, virtualClock } from "./signedRequests";

const clock = virtualClock();
let emu: RunningEmulator;

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${emu.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await jsonOf(response) };
};
const get = async (path: string) => {
  const response = await fetch(`${emu.url}${path}`);
  return { status: response.status, json: await jsonOf(response) };
};

beforeEach(async () => {
  emu = await startEmulator({ clock: clock.now, tasks: [{ requestId: 11965, timeline: [{ status: 2 }] }] });
});
afterEach(() => emu.close());

describe("POST /_emulator/tasks", () => {
  it("adds a task (201) that the API then answers", async () => {
    const added = await post("/_emulator/tasks", { requestId: 42, timeline: [{ status: 3 }], taskMessage: "boom" });
    expect(added).toEqual({ status: 201, json: { requestId: 42 } });
    expect((await callV2(emu.url, clock.now(), { requestId: 42 })).json.data.status).toBe(3);
    expect((await callV3(emu.url, clock.now(), { taskId: 42 })).json.Response.TaskMessage).toBe("boom");
  });

  it.each([
    [{ requestId: 42, timeline: [{ status: 7 }] }, "task.timeline[0].status"],
    [{ requestId: -1, timeline: [{ status: 2 }] }, "task.requestId"],
    [{ requestId: 42, timeline: [] }, "task.timeline"],
    [{ requestId: 42, timline: [{ status: 2 }] }, "task.timline"],
    [[1, 2], "task"],
    ["{not json", "body"],
  ])("answers 400 naming the field for %j", async (body, field) => {
    const reply = await post("/_emulator/tasks", body);
    expect(reply.status).toBe(400);
    expect(reply.json.field).toBe(field);
    expect(reply.json.error).toContain(field === "body" ? "JSON" : field);
  });

  it("addTask throws an InputError for an invalid task", () => {
    expect(() => emu.addTask({ requestId: 1, timeline: [{ status: 5 as never }] })).toThrow(InputError);
  });
});

describe("GET /_emulator/stats", () => {
  it("counts every API request, per named task, but not control or unknown routes", async () => {
    await callV2(emu.url, clock.now(), { requestId: 11965 });
    await callV2(emu.url, clock.now(), { requestId: 11965, secretKey: "wrong" });
    await callV3(emu.url, clock.now(), { taskId: 11965 });
    await callV2(emu.url, clock.now(), { requestId: 77 });
    await callV2(emu.url, clock.now(), { params: { requestId: undefined } });
    await get("/nowhere");
    await get("/_emulator/stats");
    expect(await get("/_emulator/stats")).toEqual({
      status: 200,
      json: { requests: 5, byRequestId: { "11965": 3, "77": 1 }, throttled: 0, byAction: { DescribeTaskInfo: 5 } },
    });
    expect(emu.stats()).toEqual({ requests: 5, byRequestId: { "11965": 3, "77": 1 }, throttled: 0, byAction: { DescribeTaskInfo: 5 } });
  });
});

describe("POST /_emulator/faults", () => {
  it("merges partial settings, clears null fields, and clears all with {}", async () => {
    expect(await post("/_emulator/faults", { rateLimitPerSecond: 20, failureRate: 0.2 })).toEqual({
      status: 200,
      json: { rateLimitPerSecond: 20, failureRate: 0.2 },
    });
    expect((await post("/_emulator/faults", { latencyMs: 5, failureKinds: ["reset"] })).json).toEqual({
      rateLimitPerSecond: 20,
      failureRate: 0.2,
      latencyMs: 5,
      failureKinds: ["reset"],
    });
    expect((await post("/_emulator/faults", { failureRate: null })).json).toEqual({ rateLimitPerSecond: 20, latencyMs: 5, failureKinds: ["reset"] });
    expect(await get("/_emulator/faults")).toEqual({ status: 200, json: { rateLimitPerSecond: 20, latencyMs: 5, failureKinds: ["reset"] } });
    expect(await post("/_emulator/faults", {})).toEqual({ status: 200, json: {} });
  });

  it.each([
    [{ failureRate: 2 }, "failureRate"],
    [{ rateLimitPerSecond: 0 }, "rateLimitPerSecond"],
    [{ failureKinds: ["explode"] }, "failureKinds"],
    [{ latencyMs: -1 }, "latencyMs"],
    [{ failurerate: 0.5 }, "failurerate"],
  ])("answers 400 for %j", async (body, field) => {
    const reply = await post("/_emulator/faults", body);
    expect(reply.status).toBe(400);
    expect(reply.json.field).toBe(field);
    expect((await get("/_emulator/faults")).json).toEqual({});
  });
});

describe("routing", () => {
  it.each([
    ["GET", "/"],
    ["GET", "/v3/index.php"],
    ["PUT", "/v2/index.php"],
    ["GET", "/_emulator/nothing"],
  ])("answers 404 JSON for %s %s", async (method, path) => {
    const response = await fetch(`${emu.url}${path}`, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect((await jsonOf(response)).error).toContain(path);
  });

  it("sets Content-Length so connections can be reused", async () => {
    const response = await fetch(`${emu.url}/_emulator/stats`);
    expect(Number(response.headers.get("content-length"))).toBe((await response.text()).length);
  });
});
