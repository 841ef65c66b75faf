/**
 * DescribeTaskList through a fake transport that serves an instance's list with the API's paging
 * rules: pages, filters in the body, names for codes, a list changing mid-listing, typed errors.
 */
import { describeTaskListPage, listAllTasks, requireTaskListApi, taskListPayload } from "../../provider/api/describeTaskList";
import { TaskApiError, InputError } from "../../provider/api/errors";
import { instanceTaskLister } from "../../provider/gate/taskListQuery";
import { sharedRateLimiter, sharedTaskListBudget } from "../../provider/waiter/rateLimiter";
import type { ClientSettings, HttpRequest, HttpResponse } from "../../provider/api/types";

const settings: ClientSettings = { secretId: "AKIDtest", secretKey: "key", region: "ap-guangzhou", apiVersion: "v3", endpoint: "http://127.0.0.1:1" };
const INSTANCE = "crs-abcd1234";

interface Row {
  TaskId: number;
  Result: number;
  TaskType?: string;
}

/** A transport answering pages of `rows()` (read at each call, so a test can change the list between pages). */
function listServer(rows: () => Row[]) {
  const bodies: Record<string, unknown>[] = [];
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    const body = JSON.parse(request.body!);
    bodies.push(body);
    expect(request.headers["X-TC-Action"]).toBe("DescribeTaskList");
    const all = rows();
    const page = all.slice(body.Offset, body.Offset + body.Limit).map((row) => ({
      TaskId: row.TaskId,
      StartTime: "2024-05-01 10:00:00",
      TaskType: row.TaskType ?? "002",
      InstanceName: "demo",
      InstanceId: INSTANCE,
      ProjectId: 0,
      Progress: row.Result >= 2 ? 1 : 0.5,
      EndTime: row.Result >= 2 ? "2024-05-01 10:05:00" : "0000-00-00 00:00:00",
      Result: row.Result,
    }));
    return { status: 200, headers: {}, body: JSON.stringify({ Response: { TotalCount: all.length, Tasks: page, RequestId: "r" } }) };
  };
  return { transport, bodies };
}

const rowsOf = (n: number, result = 2): Row[] => Array.from({ length: n }, (_, i) => ({ TaskId: 1000 - i, Result: result }));

describe("DescribeTaskList paging", () => {
  it("reads 250 tasks in three calls of Limit 100 at Offsets 0, 100, 200", async () => {
    const server = listServer(() => rowsOf(250));
    const list = await instanceTaskLister(settings, { transport: server.transport, budget: false })({ instanceId: INSTANCE });
    expect(list.tasks).toHaveLength(250);
    expect(list.totalCount).toBe(250);
    expect(list.calls).toBe(3);
    expect(server.bodies.map((b) => [b.Limit, b.Offset])).toEqual([
      [100, 0],
      [100, 100],
      [100, 200],
    ]);
    expect(list.tasks[249].taskId).toBe(751);
  });

  it("an empty instance takes one call", async () => {
    const server = listServer(() => []);
    const list = await instanceTaskLister(settings, { transport: server.transport, budget: false })({ instanceId: INSTANCE });
    expect(list).toEqual({ totalCount: 0, tasks: [], calls: 1 });
  });

  it("re-reads when a task starts between pages, and returns the consistent listing", async () => {
    let rows = rowsOf(150);
    let calls = 0;
    const server = listServer(() => {
      calls++;
      // After the first page of the first listing, a new task appears at the head of the list.
      if (calls === 2) rows = [{ TaskId: 5000, Result: 1 }, ...rows];
      return rows;
    });
    const list = await instanceTaskLister(settings, { transport: server.transport, budget: false })({ instanceId: INSTANCE });
    expect(list.calls).toBe(4);
    expect(list.tasks.map((t) => t.taskId)).toContain(5000);
    expect(new Set(list.tasks.map((t) => t.taskId)).size).toBe(151);
  });

  it("re-reads when one task ends and another starts between pages (same TotalCount, a task seen twice)", async () => {
    let rows = rowsOf(150, 1);
    let calls = 0;
    const server = listServer(() => {
      calls++;
      if (calls === 2) rows = [{ TaskId: 5000, Result: 1 }, ...rows.slice(0, 120), ...rows.slice(121)];
      return rows;
    });
    const list = await instanceTaskLister(settings, { transport: server.transport, budget: false })({ instanceId: INSTANCE });
    expect(list.calls).toBe(4);
    expect(list.tasks).toHaveLength(150);
  });

  it("gives up with a retryable error naming the instance when every listing changes", async () => {
    let n = 0;
    const read = async () => ({ totalCount: 150 + n++, tasks: rowsOf(100).map((r) => ({ taskId: r.TaskId + n * 1000, taskType: "FLOW_RESIZE", instanceId: INSTANCE, startTime: "", progress: 0, result: 1 as const, resultText: "Running" as const })) });
    const error = await listAllTasks(INSTANCE, read, 3).catch((e) => e);
    expect(error).toBeInstanceOf(TaskApiError);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(`DescribeTaskList for Redis instance ${INSTANCE}`);
    expect(error.message).toContain("changed while it was paged");
  });
});

describe("DescribeTaskList requests and answers", () => {
  it("sends the filters as the API names them and names the answer's type codes", async () => {
    const server = listServer(() => [{ TaskId: 7, Result: 1, TaskType: "037" }, { TaskId: 8, Result: 0, TaskType: "999" }]);
    const page = await describeTaskListPage(
      { instanceId: INSTANCE, taskTypes: ["FLOW_RESIZE"], results: [0, 1], beginTime: "2024-05-01 00:00:00", endTime: "2024-05-02 00:00:00" },
      { limit: 100, offset: 0 },
      settings,
      { transport: server.transport },
    );
    expect(server.bodies[0]).toEqual({ InstanceId: INSTANCE, Limit: 100, Offset: 0, TaskTypes: ["FLOW_RESIZE"], Result: [0, 1], BeginTime: "2024-05-01 00:00:00", EndTime: "2024-05-02 00:00:00" });
    expect(page.tasks[0]).toMatchObject({ taskId: 7, taskType: "FLOW_MODIFYINSTANCEACCOUNT", result: 1, resultText: "Running", progress: 0.5 });
    expect(page.tasks[0].endTime).toBeUndefined();
    // An undocumented code cannot be named: it is shown as it came.
    expect(page.tasks[1].taskType).toBe("999");
  });

  it("never builds an invalid Limit or Offset", () => {
    expect(() => taskListPayload({ instanceId: INSTANCE }, { limit: 101, offset: 0 })).toThrow(RangeError);
    expect(() => taskListPayload({ instanceId: INSTANCE }, { limit: 100, offset: 50 })).toThrow(RangeError);
    expect(() => taskListPayload({ instanceId: INSTANCE }, { limit: 0, offset: 0 })).toThrow(RangeError);
  });

  it("API errors are typed, classified as DescribeTaskInfo's, and name the instance", async () => {
    const transport = async (): Promise<HttpResponse> => ({
      status: 200,
      headers: {},
      body: JSON.stringify({ Response: { Error: { Code: "RequestLimitExceeded", Message: "slow down" }, RequestId: "r-9" } }),
    });
    const error = await describeTaskListPage({ instanceId: INSTANCE }, { limit: 100, offset: 0 }, settings, { transport }).catch((e) => e);
    expect(error).toBeInstanceOf(TaskApiError);
    expect(error).toMatchObject({ kind: "api", code: "RequestLimitExceeded", retryable: true, instanceId: INSTANCE, action: "DescribeTaskList" });
    expect(error.message).toMatch(/^DescribeTaskList for Redis instance crs-abcd1234 failed: API error RequestLimitExceeded: slow down/);
  });

  it("a malformed task is a retryable error naming what came back", async () => {
    const transport = async (): Promise<HttpResponse> => ({ status: 200, headers: {}, body: JSON.stringify({ Response: { TotalCount: 1, Tasks: [{ TaskId: "x", Result: 9 }] } }) });
    const error = await describeTaskListPage({ instanceId: INSTANCE }, { limit: 100, offset: 0 }, settings, { transport }).catch((e) => e);
    expect(error).toMatchObject({ kind: "malformed", retryable: true });
    expect(error.message).toContain("Tasks[0] is not a task");
  });

  it("transport failures are typed and name the endpoint", async () => {
    const transport = async (): Promise<HttpResponse> => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    };
    const error = await describeTaskListPage({ instanceId: INSTANCE }, { limit: 100, offset: 0 }, settings, { transport }).catch((e) => e);
    expect(error).toMatchObject({ kind: "transport", code: "ECONNREFUSED", retryable: true, instanceId: INSTANCE });
    expect(error.hint).toContain("http://127.0.0.1:1");
  });

  it("API 2.0 is refused with the reason, before any call", async () => {
    const transport = jest.fn();
    const error = await describeTaskListPage({ instanceId: INSTANCE }, { limit: 100, offset: 0 }, { ...settings, apiVersion: "v2" }, { transport }).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.field).toBe("apiVersion");
    expect(error.message).toContain("GetRedisTaskList");
    expect(error.message).toContain("not documented");
    expect(transport).not.toHaveBeenCalled();
    expect(() => requireTaskListApi("v3")).not.toThrow();
  });
});

describe("the DescribeTaskList budget", () => {
  it("is process-wide, at 100 calls/s, and apart from DescribeTaskInfo's limiter", () => {
    const budget = sharedTaskListBudget();
    expect(sharedTaskListBudget()).toBe(budget);
    expect(budget.limiter.ratePerSecond).toBe(100);
    expect(budget.limiter).not.toBe(sharedRateLimiter());
  });

  it("every page of a listing takes a permit", async () => {
    const server = listServer(() => rowsOf(250));
    const budget = sharedTaskListBudget();
    const acquire = jest.spyOn(budget.limiter, "acquire");
    try {
      await instanceTaskLister(settings, { transport: server.transport })({ instanceId: INSTANCE });
      expect(acquire).toHaveBeenCalledTimes(3);
    } finally {
      acquire.mockRestore();
    }
  });
});
