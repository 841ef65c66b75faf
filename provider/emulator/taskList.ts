/**
 * DescribeTaskList (API 3.0) as the service answers it, for requests whose signature `v3.ts`
 * already checked: Limit 1–100 (default 20) and Offset a multiple of it, the filters InstanceId,
 * TaskTypes.N (`FLOW_*` names), Result.N and BeginTime/EndTime, newest task first, type codes
 * instead of names in the answer, and `Progress` growing along each task's timeline.
 */
import { randomUUID } from "crypto";
import { isFailureStatus, TaskStatus, type TaskStatusCode } from "../api/status";
import { TASK_TYPE_CODES, isTaskTypeName } from "../api/taskTypes";
import { MAX_PAGE_SIZE, TaskResult, type TaskResultCode } from "../api/taskList";
import type { ApiAnswer, ApiContext, ApiRequest } from "./protocol";
import type { TimelineStep } from "./types";
import { beijingTime, bodyObject, error } from "./v3Common";

/** The action answered here. */
export const TASK_LIST_ACTION = "DescribeTaskList";

const DEFAULT_LIMIT = 20;
const TIME_FORM = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The `Result` a task in DescribeTaskInfo status `status` is listed with (failed and error are both 4). */
export function resultOfStatus(status: TaskStatusCode): TaskResultCode {
  if (status === TaskStatus.Waiting) return TaskResult.Initializing;
  if (status === TaskStatus.Executing) return TaskResult.Running;
  return isFailureStatus(status) ? TaskResult.Failed : TaskResult.Succeeded;
}

/** Where a timeline is after `elapsedMs`: the fraction done (1 once it ended) and when it ended. */
export function timelineProgress(timeline: readonly TimelineStep[], elapsedMs: number): { progress: number; endedAtMs?: number } {
  // The timeline's work is every step before the last; the last step is where it stays.
  const spans = timeline.slice(0, -1).map((step) => step.ms ?? 0);
  const total = spans.reduce((sum, ms) => sum + ms, 0);
  const last = timeline[timeline.length - 1];
  const terminal = last.status !== TaskStatus.Waiting && last.status !== TaskStatus.Executing;
  if (terminal && elapsedMs >= total) return { progress: 1, endedAtMs: total };
  if (total === 0) return { progress: 0 };
  // Never 1 while running: the service reports 1 only for a task that is done.
  return { progress: Math.min(0.99, Math.round((elapsedMs / total) * 100) / 100) };
}

/** A validated request, or the error answer naming the parameter at fault. */
function readRequest(body: Record<string, unknown>): { limit: number; offset: number; filters: Filters } | ApiAnswer {
  const bad = (name: string, expected: string) => error("InvalidParameterValue", `${name} must be ${expected}; got ${JSON.stringify(body[name])}`);
  const limit = body.Limit === undefined ? DEFAULT_LIMIT : body.Limit;
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_PAGE_SIZE) return bad("Limit", `an integer from 1 to ${MAX_PAGE_SIZE}`);
  const offset = body.Offset === undefined ? 0 : body.Offset;
  if (!Number.isInteger(offset) || (offset as number) < 0 || (offset as number) % (limit as number) !== 0) return bad("Offset", `a non-negative multiple of Limit (${limit})`);
  const list = (name: string, valid: (item: unknown) => boolean, expected: string): unknown[] | ApiAnswer | undefined => {
    const value = body[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every(valid)) return bad(name, expected);
    return value;
  };
  const taskTypes = list("TaskTypes", isTaskTypeName, "an array of task type names such as FLOW_RESIZE");
  const results = list("Result", (item) => item === 0 || item === 1 || item === 2 || item === 4, "an array of 0, 1, 2, 4");
  for (const parsed of [taskTypes, results]) if (parsed && !Array.isArray(parsed)) return parsed;
  for (const name of ["BeginTime", "EndTime"]) {
    if (body[name] !== undefined && !(typeof body[name] === "string" && TIME_FORM.test(body[name] as string))) return bad(name, '"YYYY-MM-DD hh:mm:ss"');
  }
  if (body.InstanceId !== undefined && typeof body.InstanceId !== "string") return bad("InstanceId", "a string");
  return {
    limit: limit as number,
    offset: offset as number,
    filters: {
      instanceId: body.InstanceId as string | undefined,
      taskTypes: taskTypes as string[] | undefined,
      results: results as number[] | undefined,
      beginTime: body.BeginTime as string | undefined,
      endTime: body.EndTime as string | undefined,
    },
  };
}

interface Filters {
  instanceId?: string;
  taskTypes?: string[];
  results?: number[];
  beginTime?: string;
  endTime?: string;
}

/** Answers a verified DescribeTaskList request. */
export function answerTaskList(req: ApiRequest, ctx: ApiContext): ApiAnswer {
  const body = bodyObject(req);
  if (!body) return error("InvalidParameter", "The request body must be a JSON object");
  const request = readRequest(body);
  if ("body" in request) return request;
  const { limit, offset, filters } = request;
  // The emulator's tasks all belong to one account; without InstanceId there is nothing to list by.
  const instanceId = filters.instanceId ?? "";
  const rows = ctx.tasks
    .byInstance(instanceId, ctx.now, "listing")
    .map((view) => {
      const { progress, endedAtMs } = timelineProgress(view.task.timeline, view.elapsedMs);
      const startTime = beijingTime(view.startedMs);
      return {
        TaskId: view.task.requestId,
        StartTime: startTime,
        TaskType: view.task.taskType && isTaskTypeName(view.task.taskType) ? TASK_TYPE_CODES[view.task.taskType] : (view.task.taskType ?? ""),
        InstanceName: "",
        InstanceId: view.task.instanceId ?? "",
        ProjectId: 0,
        Progress: progress,
        EndTime: endedAtMs === undefined ? "0000-00-00 00:00:00" : beijingTime(view.startedMs + endedAtMs),
        Result: resultOfStatus(view.status),
        name: view.task.taskType ?? "",
        startedMs: view.startedMs,
      };
    })
    .filter((row) => !filters.taskTypes || filters.taskTypes.includes(row.name))
    .filter((row) => !filters.results || filters.results.includes(row.Result))
    .filter((row) => (!filters.beginTime || row.StartTime >= filters.beginTime) && (!filters.endTime || row.StartTime <= filters.endTime))
    // Newest first; tasks started together (first seen in one listing) newest ID first.
    .sort((a, b) => b.startedMs - a.startedMs || b.TaskId - a.TaskId);
  ctx.listings.record(instanceId, offset);
  const apiRequestId = randomUUID();
  const tasks = rows.slice(offset, offset + limit).map(({ name: _name, startedMs: _started, ...task }) => task);
  return { body: { Response: { TotalCount: rows.length, Tasks: tasks, RequestId: apiRequestId } }, result: "Success", apiRequestId };
}
