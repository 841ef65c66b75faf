/**
 * The task clock a test drives: held tasks, release, hold mid-timeline, status on request, and
 * waiting for the N-th query, in process and over the control routes, on a virtual clock.
 */
import { InputError } from "../../provider/api/errors";
import { type RunningEmulator, startEmulator } from "../../provider/emulator";
import { callV2, callV3, jsonOf, virtualClock } from "./signedRequests";

const clock = virtualClock();
let emu: RunningEmulator;
const v2Status = async (requestId: number) => (await callV2(emu.url, clock.now(), { requestId })).json.data.status;
const timeline = [{ status: 1 as const, ms: 1000 }, { status: 2 as const }];

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${emu.url}${path}`, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: await jsonOf(response) };
};

beforeEach(async () => {
  emu = await startEmulator({ clock: clock.now });
});
afterEach(() => emu.close());

describe("a held task", () => {
  it("reports its first step however much time passes, then runs its timeline from the release", async () => {
    emu.addTask({ requestId: 7, timeline, held: true });
    expect(await v2Status(7)).toBe(1);
    clock.advance(60_000);
    expect(await v2Status(7)).toBe(1);
    expect(emu.releaseTask(7)).toEqual({ requestId: 7, status: 1, queries: 2, held: false });
    clock.advance(999);
    expect(await v2Status(7)).toBe(1);
    clock.advance(1);
    expect(await v2Status(7)).toBe(2);
  });

  it("comes from scenario JSON and the control route as `held: true`", async () => {
    expect((await call("POST", "/_emulator/tasks", { requestId: 8, timeline, held: true })).status).toBe(201);
    clock.advance(5000);
    expect(await v2Status(8)).toBe(1);
    expect((await call("POST", "/_emulator/tasks", { requestId: 9, timeline, held: "yes" })).json.field).toBe("task.held");
  });

  it("reports StartTime from its first query, as a task that started before anyone looked", async () => {
    emu.addTask({ requestId: 10, timeline, held: true });
    const first = clock.now();
    await v2Status(10);
    clock.advance(3_600_000);
    emu.releaseTask(10);
    const start = (await callV3(emu.url, clock.now(), { taskId: 10 })).json.Response.StartTime;
    expect(start).toBe(new Date(first + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 19));
  });
});

describe("hold and release mid-timeline", () => {
  it("freezes a running timeline and resumes it where it stopped", async () => {
    emu.addTask({ requestId: 11, timeline: [{ status: 0, ms: 1000 }, { status: 1, ms: 1000 }, { status: 2 }] });
    await v2Status(11);
    clock.advance(1500);
    expect(emu.holdTask(11).status).toBe(1);
    clock.advance(10_000);
    expect(await v2Status(11)).toBe(1);
    emu.releaseTask(11);
    clock.advance(499);
    expect(await v2Status(11)).toBe(1);
    clock.advance(1);
    expect(await v2Status(11)).toBe(2);
  });

  it("works over POST /_emulator/tasks/{id}/hold and /release", async () => {
    emu.addTask({ requestId: 12, timeline });
    await v2Status(12);
    expect(await call("POST", "/_emulator/tasks/12/hold")).toEqual({ status: 200, json: { requestId: 12, status: 1, queries: 1, held: true } });
    clock.advance(5000);
    expect(await v2Status(12)).toBe(1);
    expect((await call("POST", "/_emulator/tasks/12/release")).json.held).toBe(false);
    clock.advance(1000);
    expect(await v2Status(12)).toBe(2);
  });
});

describe("status on request", () => {
  it("completes or fails a task at once, with a new failure text", async () => {
    emu.addTask({ requestId: 13, timeline: [{ status: 1 }], held: true });
    expect(emu.setTaskStatus(13, 3, "disk full").status).toBe(3);
    const answer = (await callV3(emu.url, clock.now(), { taskId: 13 })).json.Response;
    expect(answer).toMatchObject({ Status: "failed", TaskMessage: "disk full" });
    expect((await call("POST", "/_emulator/tasks/13/status", { status: 2 })).json.status).toBe(2);
    expect(await v2Status(13)).toBe(2);
  });

  it.each([[{ status: 7 }], [{}], [{ status: 2, taskMessage: 5 }]])("answers 400 for %j", async (body) => {
    emu.addTask({ requestId: 14, timeline });
    const reply = await call("POST", "/_emulator/tasks/14/status", body);
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatch(/status|taskMessage/);
  });

  it("answers 404 naming an unknown task, and throws an InputError in process", async () => {
    const reply = await call("POST", "/_emulator/tasks/404/release");
    expect(reply.status).toBe(404);
    expect(reply.json.error).toContain("no task 404");
    expect(() => emu.setTaskStatus(404, 2)).toThrow(InputError);
  });
});

describe("waiting for queries", () => {
  it("resolves on the N-th successful query, not on rejected ones", async () => {
    emu.addTask({ requestId: 15, timeline, held: true });
    let resolved = false;
    const waited = emu.waitForQueries(15, 2).then((state) => {
      resolved = true;
      return state;
    });
    await callV2(emu.url, clock.now(), { requestId: 15, secretKey: "wrong" });
    await v2Status(15);
    await new Promise((r) => setImmediate(r));
    expect(resolved).toBe(false);
    await v2Status(15);
    expect(await waited).toEqual({ requestId: 15, status: 1, queries: 2, held: true });
  });

  it("answers GET /_emulator/tasks/{id}/queries once reached, and 408 naming the count after its timeout", async () => {
    emu.addTask({ requestId: 16, timeline, held: true });
    const pending = call("GET", "/_emulator/tasks/16/queries?atLeast=1");
    await v2Status(16);
    expect(await pending).toEqual({ status: 200, json: { requestId: 16, status: 1, queries: 1, held: true } });
    const late = await call("GET", "/_emulator/tasks/16/queries?atLeast=5&timeoutMs=20");
    expect(late.status).toBe(408);
    expect(late.json.error).toBe("task 16 was queried 1 time(s) within 20 ms; the test waited for 5");
    expect((await call("GET", "/_emulator/tasks/16/queries?atLeast=0")).status).toBe(400);
  });

  it("GET /_emulator/tasks/{id} reports the state without counting as a query", async () => {
    emu.addTask({ requestId: 17, timeline });
    expect(await call("GET", "/_emulator/tasks/17")).toEqual({ status: 200, json: { requestId: 17, status: 1, queries: 0, held: false } });
    expect(emu.taskState(17).queries).toBe(0);
  });
});
