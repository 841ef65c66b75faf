import { TaskStatus } from "../../provider/api/status";
import type { TaskRecord } from "../../provider/api/types";
import {
  PollCoalescer,
  RateLimiter,
  VirtualClock,
  sharedPollCoalescer,
  sharedRateLimiter,
  sharedTaskQuery,
  taskPollKey,
  waitForTask,
  type TaskQuery,
} from "../../provider/waiter";
import { REQUEST_ID, taskRecord } from "./helpers";

/** A task that succeeds at `doneAt` (virtual ms): its answer depends on time, not on call count. */
function timedTask(clock: VirtualClock, doneAt: number, latencyMs = 300) {
  const calls: number[] = [];
  const query = async (signal?: AbortSignal): Promise<TaskRecord> => {
    calls.push(clock.now());
    await clock.sleep(latencyMs, signal);
    return taskRecord(clock.now() >= doneAt ? TaskStatus.Succeeded : TaskStatus.Executing);
  };
  return { query, calls };
}

function waitOn(clock: VirtualClock, query: TaskQuery, signal?: AbortSignal) {
  return waitForTask({
    requestId: REQUEST_ID,
    query,
    clock,
    timeoutMs: 60_000,
    minPollIntervalMs: 1000,
    maxPollIntervalMs: 4000,
    random: () => 0.5,
    signal,
  });
}

describe("sharedTaskQuery", () => {
  it("halves the API calls of two concurrent waits on the same key", async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const task = timedTask(clock, 10_000);
    const coalescer = new PollCoalescer();
    const rateLimiter = new RateLimiter({ ratePerSecond: 10, clock });
    const key = taskPollKey({ endpoint: "https://redis.api.qcloud.com", region: "ap-guangzhou", requestId: REQUEST_ID });
    const shared = () => sharedTaskQuery({ key, query: task.query, coalescer, rateLimiter });
    const [a, b] = await Promise.all([waitOn(clock, shared()), waitOn(clock, shared())]);
    expect(a).toEqual(b);
    expect(a.state).toBe("succeeded");
    expect(a.polls).toBeGreaterThan(3);
    expect(task.calls).toHaveLength(a.polls);
    expect(task.calls.length * 2).toBe(a.polls + b.polls);
  });

  it("does not share between different keys", async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const task = timedTask(clock, 10_000);
    const coalescer = new PollCoalescer();
    const keyOf = (region: string) => taskPollKey({ endpoint: "https://redis.api.qcloud.com", region, requestId: REQUEST_ID });
    const [a, b] = await Promise.all([
      waitOn(clock, sharedTaskQuery({ key: keyOf("ap-guangzhou"), query: task.query, coalescer, rateLimiter: false })),
      waitOn(clock, sharedTaskQuery({ key: keyOf("ap-shanghai"), query: task.query, coalescer, rateLimiter: false })),
    ]);
    expect(task.calls).toHaveLength(a.polls + b.polls);
  });

  it("paces real calls through the rate limiter, one permit per shared call", async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const task = timedTask(clock, 0, 10);
    const coalescer = new PollCoalescer();
    const rateLimiter = new RateLimiter({ ratePerSecond: 10, clock });
    const acquire = jest.spyOn(rateLimiter, "acquire");
    const make = (requestId: number) =>
      sharedTaskQuery({ key: taskPollKey({ endpoint: "e", region: "r", requestId }), query: task.query, coalescer, rateLimiter });
    await Promise.all([make(1)(), make(1)(), make(2)(), make(3)()]);
    expect(task.calls).toEqual([0, 100, 200]);
    expect(acquire).toHaveBeenCalledTimes(3);
  });

  it("lets one wait abort without disturbing the other's shared call", async () => {
    const clock = new VirtualClock({ autoAdvance: true });
    const task = timedTask(clock, 5000);
    const coalescer = new PollCoalescer();
    const key = taskPollKey({ endpoint: "e", region: "r", requestId: REQUEST_ID });
    const query = sharedTaskQuery({ key, query: task.query, coalescer, rateLimiter: false });
    const controller = new AbortController();
    const aborted = waitOn(clock, query, controller.signal);
    const kept = waitOn(clock, query);
    void clock.sleep(100).then(() => controller.abort()); // in the middle of the first shared call
    expect(await aborted).toMatchObject({ state: "aborted", polls: 1, waitedMs: 100 });
    expect(await kept).toMatchObject({ state: "succeeded", record: { status: TaskStatus.Succeeded } });
  });

  it("uses the process-wide limiter and coalescer by default", async () => {
    const acquire = jest.spyOn(sharedRateLimiter(), "acquire").mockResolvedValue(undefined);
    const run = jest.spyOn(sharedPollCoalescer(), "run");
    const query = jest.fn(async () => taskRecord(TaskStatus.Succeeded));
    await sharedTaskQuery({ key: "default", query })();
    expect(acquire).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith("default", expect.any(Function), undefined, 0, undefined);
    acquire.mockRestore();
    run.mockRestore();
  });

  it("can be used bare, with neither limiter nor coalescer", async () => {
    const query = jest.fn(async () => taskRecord(TaskStatus.Waiting));
    expect(sharedTaskQuery({ key: "k", query, rateLimiter: false, coalescer: false })).toBe(query);
  });
});

describe("taskPollKey", () => {
  it("differs when any part differs, without ambiguity between parts", () => {
    const base = { endpoint: "https://redis.api.qcloud.com", region: "ap-guangzhou", requestId: 1, apiVersion: "v2", secretId: "AKID1" };
    const keys = new Set([
      taskPollKey(base),
      taskPollKey({ ...base, endpoint: "http://127.0.0.1:43121" }),
      taskPollKey({ ...base, region: "ap-shanghai" }),
      taskPollKey({ ...base, requestId: 2 }),
      taskPollKey({ ...base, apiVersion: "v3" }),
      taskPollKey({ ...base, secretId: "AKID2" }),
      taskPollKey({ ...base, endpoint: "a|b", region: "c" }),
      taskPollKey({ ...base, endpoint: "a", region: "b|c" }),
    ]);
    expect(keys.size).toBe(8);
    expect(taskPollKey(base)).toBe(taskPollKey({ ...base }));
  });
});
