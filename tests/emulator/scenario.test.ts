/** Scenario files: the demo scenario, and errors that name the field at fault. */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { InputError } from "../../provider/api/errors";
import { loadScenario, loadScenarioDocument, startEmulator } from "../../provider/emulator";
import { callV3, virtualClock } from "./signedRequests";

const demoPath = join(__dirname, "../../scenarios/demo.json");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "emulator-scenario-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scenarioFile(content: unknown): string {
  const path = join(dir, `s${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("scenarios/demo.json", () => {
  it("plays the four demo tasks on a virtual clock", async () => {
    const clock = virtualClock();
    const emu = await startEmulator({ clock: clock.now, tasks: loadScenario(demoPath) });
    try {
      const status = async (taskId: number) => (await callV3(emu.url, clock.now(), { taskId })).json.Response;
      const ids = [11963, 11964, 11965, 11966];
      expect((await Promise.all(ids.map(status))).map((r) => r.Status)).toEqual(["preparing", "preparing", "succeed", "running"]);
      clock.advance(1000);
      expect((await Promise.all(ids.map(status))).map((r) => r.Status)).toEqual(["running", "running", "succeed", "error"]);
      clock.advance(500);
      const atOneAndAHalf = await Promise.all(ids.map(status));
      expect(atOneAndAHalf.map((r) => r.Status)).toEqual(["running", "failed", "succeed", "error"]);
      expect(atOneAndAHalf[1].TaskMessage).toBe("Instance crs-demo0002 resize failed: insufficient capacity in ap-guangzhou-3");
      clock.advance(1500);
      expect((await status(11963)).Status).toBe("succeed");
      for (const r of atOneAndAHalf) {
        expect(r.TaskType).toMatch(/^FLOW_/);
        expect(r.InstanceId).toMatch(/^crs-demo000\d$/);
      }
    } finally {
      await emu.close();
    }
  });
});

describe("loadScenario errors", () => {
  const task = { requestId: 1, timeline: [{ status: 0, ms: 100 }, { status: 2 }] };

  it.each([
    ["a step with a bad status", { tasks: [task, { requestId: 2, timeline: [{ status: 4 }] }] }, "tasks[1].timeline[0].status"],
    ["a negative ms", { tasks: [{ requestId: 2, timeline: [{ status: 0, ms: -5 }, { status: 2 }] }] }, "tasks[0].timeline[0].ms"],
    ["a step without ms before the last", { tasks: [{ requestId: 2, timeline: [{ status: 0 }, { status: 2 }] }] }, "tasks[0].timeline[0].ms"],
    ["an empty timeline", { tasks: [{ requestId: 2, timeline: [] }] }, "tasks[0].timeline"],
    ["a string requestId", { tasks: [{ requestId: "2", timeline: [{ status: 2 }] }] }, "tasks[0].requestId"],
    ["a fractional requestId", { tasks: [{ requestId: 2.5, timeline: [{ status: 2 }] }] }, "tasks[0].requestId"],
    ["a misspelt field", { tasks: [{ requestId: 2, timline: [{ status: 2 }] }] }, "tasks[0].timline"],
    ["a misspelt step field", { tasks: [{ requestId: 2, timeline: [{ status: 2, msec: 4 }] }] }, "tasks[0].timeline[0].msec"],
    ["a non-string taskMessage", { tasks: [{ requestId: 2, timeline: [{ status: 3 }], taskMessage: 42 }] }, "tasks[0].taskMessage"],
    ["a duplicate requestId", { tasks: [task, task] }, "tasks[1].requestId"],
    ["no tasks array", { task: [] }, "tasks"],
    ["an array at the top", [task], "tasks"],
    ["an unknown top-level field", { tasks: [], instance: [] }, "instance"],
    ["instances that are not an array", { tasks: [], instances: { instanceId: "crs-a" } }, "instances"],
    ["an instance without an ID", { tasks: [], instances: [{ taskMs: 5 }] }, "instances[0].instanceId"],
    ["a negative taskMs", { tasks: [], instances: [{ instanceId: "crs-a", taskMs: -5 }] }, "instances[0].taskMs"],
    ["a fail without a message", { tasks: [], instances: [{ instanceId: "crs-a" }, { instanceId: "crs-b", fail: {} }] }, "instances[1].fail.taskMessage"],
    ["a duplicate instanceId", { tasks: [], instances: [{ instanceId: "crs-a" }, { instanceId: "crs-a" }] }, "instances[1].instanceId"],
    ["text that is not JSON", "{ tasks: [", "scenario"],
  ])("rejects %s, naming %s", (_name, content, field) => {
    const path = scenarioFile(content);
    let error: unknown;
    try {
      loadScenario(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect((error as InputError).message).toContain(path);
    if (field !== "scenario") expect((error as InputError).message).toContain(field);
  });

  it("names a missing file", () => {
    const path = join(dir, "absent.json");
    expect(() => loadScenario(path)).toThrow(`${path}: cannot read scenario file (ENOENT)`);
  });

  it("returns the instances beside the tasks, clean copies, and they start an emulator", async () => {
    const path = scenarioFile({ tasks: [task], instances: [{ instanceId: "crs-a", taskMs: 10, held: false, fail: { taskMessage: "disk full" } }] });
    const scenario = loadScenarioDocument(path);
    expect(scenario.instances).toEqual([{ instanceId: "crs-a", taskMs: 10, fail: { taskMessage: "disk full" } }]);
    expect(scenario.tasks).toEqual(loadScenario(path));
    const emu = await startEmulator(scenario);
    try {
      expect(emu.instanceTasks("crs-a")).toEqual([]);
    } finally {
      await emu.close();
    }
  });

  it("returns clean task copies", () => {
    expect(loadScenario(scenarioFile({ tasks: [task] }))).toEqual([
      { requestId: 1, timeline: [{ status: 0, ms: 100 }, { status: 2 }], taskMessage: undefined, taskType: undefined, instanceId: undefined },
    ]);
  });
});
