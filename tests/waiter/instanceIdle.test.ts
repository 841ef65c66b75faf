/** The instance wait's decisions, on a virtual clock with a scripted task list. */
import { TaskApiError } from "../../provider/api/errors";
import { resultText, type InstanceTask, type TaskList, type TaskListQuery, type TaskResultCode } from "../../provider/api/taskList";
import { VirtualClock } from "../../provider/waiter";
import { describeTask, waitForInstanceIdle, type InstanceIdleOptions, type InstanceIdleProgress } from "../../provider/waiter/instanceIdle";

const INSTANCE = "crs-abcd1234";

function task(taskId: number, result: TaskResultCode, taskType = "FLOW_RESIZE", progress = 0.5): InstanceTask {
  return { taskId, taskType, instanceId: INSTANCE, startTime: "2024-05-01 10:00:00", progress, result, resultText: resultText(result), ...(result >= 2 ? { endTime: "2024-05-01 10:05:00" } : {}) };
}

/** A listing that answers the scripted lists in order (the last repeats), filtering by the query's Result. */
function scripted(lists: Array<InstanceTask[] | Error>) {
  const queries: TaskListQuery[] = [];
  const times: number[] = [];
  let clock: VirtualClock;
  const list = async (query: TaskListQuery): Promise<TaskList> => {
    const step = lists[Math.min(queries.length, lists.length - 1)];
    queries.push(query);
    times.push(clock.now());
    if (step instanceof Error) throw step;
    const tasks = step.filter((t) => !query.results || query.results.includes(t.result));
    return { totalCount: tasks.length, tasks, calls: 1 };
  };
  return { list, queries, times, bind: (c: VirtualClock) => (clock = c) };
}

function run(lists: Array<InstanceTask[] | Error>, extra: Partial<InstanceIdleOptions> = {}) {
  const clock = new VirtualClock({ autoAdvance: true });
  const script = scripted(lists);
  script.bind(clock);
  const events: InstanceIdleProgress[] = [];
  const done = waitForInstanceIdle({
    instanceId: INSTANCE,
    list: script.list,
    timeoutMs: 600_000,
    minPollIntervalMs: 1_000,
    maxPollIntervalMs: 10_000,
    clock,
    random: () => 1,
    onProgress: (event) => events.push(event),
    ...extra,
  });
  return { done, script, events, clock };
}

describe("waitForInstanceIdle", () => {
  it("is idle at once when nothing runs, after one listing", async () => {
    const { done, script } = run([[task(1, 2)]]);
    const result = await done;
    expect(result).toMatchObject({ state: "idle", active: [], waited: [], calls: 1, waitedMs: 0 });
    expect(script.queries[0]).toEqual({ instanceId: INSTANCE, taskTypes: undefined, results: [0, 1, 4] });
  });

  it("waits until the last of two running tasks ends, then records both as succeeded", async () => {
    const { done, script, events } = run([[task(1, 1), task(2, 0)], [task(1, 1), task(2, 1)], [task(1, 2), task(2, 1)], [task(1, 2), task(2, 2)]]);
    const result = await done;
    expect(result.state).toBe("idle");
    expect(script.queries).toHaveLength(4);
    expect(result.waited.map((t) => [t.taskId, t.result])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(events.map((e) => e.active.length)).toEqual([2, 2, 1, 0]);
    // Polls back off as TaskWait's do: 1 s, then growing (random 1 → the ceiling).
    expect(script.times).toEqual([0, 1_000, 2_750, 5_812]);
  });

  it("passes the task types to the listing, so other types never hold it", async () => {
    const { done, script } = run([[task(1, 1, "FLOW_BACKUPINSTANCE")]], { taskTypes: ["FLOW_RESIZE"] });
    await done;
    expect(script.queries[0].taskTypes).toEqual(["FLOW_RESIZE"]);
  });

  it("failOn failedSinceStart: a running task that fails ends the wait naming it", async () => {
    const { done } = run([[task(1, 1), task(2, 1)], [task(1, 4), task(2, 1)]], { failOn: "failedSinceStart" });
    const result = await done;
    expect(result.state).toBe("failed");
    expect(result.failedTask).toMatchObject({ taskId: 1, taskType: "FLOW_RESIZE", result: 4 });
    expect(result.active.map((t) => t.taskId)).toEqual([2]);
  });

  it("failOn failedSinceStart: a task that started and failed between two listings counts too", async () => {
    const { done } = run([[task(1, 1)], [task(1, 1), task(9, 4)]], { failOn: "failedSinceStart" });
    expect((await done).failedTask?.taskId).toBe(9);
  });

  it("failOn failedSinceStart: a task that had failed before the wait began does not count", async () => {
    const { done } = run([[task(7, 4), task(1, 1)], [task(7, 4), task(1, 2)]], { failOn: "failedSinceStart" });
    const result = await done;
    expect(result.state).toBe("idle");
    expect(result.failedTask).toBeUndefined();
  });

  it("failOn none: a failure is recorded, the wait goes on until idle", async () => {
    const { done } = run([[task(1, 1), task(2, 1)], [task(1, 4), task(2, 1)], [task(1, 4), task(2, 2)]]);
    const result = await done;
    expect(result.state).toBe("idle");
    expect(result.waited.map((t) => [t.taskId, t.result])).toEqual([
      [1, 4],
      [2, 2],
    ]);
  });

  it("a resumed wait fails on a task the earlier wait saw running, even if it failed in between", async () => {
    const { done } = run([[task(1, 4)]], { failOn: "failedSinceStart", previouslyWaited: [{ taskId: 1, taskType: "FLOW_RESIZE", result: 1, startTime: "x" }] });
    expect((await done).failedTask?.taskId).toBe(1);
  });

  it("says when the API lists no task at all for the instance (one extra small call)", async () => {
    const count = jest.fn(async () => 0);
    const { done, events } = run([[]], { count });
    const result = await done;
    expect(result).toMatchObject({ state: "idle", noTaskFound: true, calls: 2 });
    expect(events[0].noTaskFound).toBe(true);
    expect(count).toHaveBeenCalledWith({ instanceId: INSTANCE, taskTypes: undefined }, expect.anything());
  });

  it("does not say so for an instance whose tasks all succeeded", async () => {
    const { done } = run([[task(1, 2)]], { count: async () => 3 });
    expect((await done).noTaskFound).toBe(false);
  });

  it("times out as not ready, with the tasks still running", async () => {
    const { done } = run([[task(1, 1)]], { timeoutMs: 30_000 });
    const result = await done;
    expect(result.state).toBe("timedOut");
    expect(result.active.map((t) => t.taskId)).toEqual([1]);
    expect(result.waitedMs).toBeLessThanOrEqual(30_000);
  });

  it("retries a throttled listing and ends on a permanent error", async () => {
    const throttled = new TaskApiError({ kind: "api", code: "RequestLimitExceeded", retryable: true });
    const denied = new TaskApiError({ kind: "api", code: "AuthFailure.SignatureFailure", retryable: false });
    const { done, events } = run([throttled, [task(1, 1)], denied]);
    const result = await done;
    expect(result.state).toBe("error");
    expect(result.error).toBe(denied);
    expect(result.calls).toBe(3);
    expect(events[0].error).toBe(throttled);
  });

  it("ends as aborted when the signal fires", async () => {
    const controller = new AbortController();
    const { done, clock } = run([[task(1, 1)]], { signal: controller.signal });
    await clock.advance(5_000);
    controller.abort();
    expect((await done).state).toBe("aborted");
  });
});

describe("describeTask", () => {
  it("names the type, ID, result and progress as a percentage", () => {
    expect(describeTask(task(42, 1, "FLOW_RESIZE", 0.456))).toBe("FLOW_RESIZE 42 (Running, 46%)");
  });
});
