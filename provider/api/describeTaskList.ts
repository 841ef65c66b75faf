/**
 * DescribeTaskList (API 3.0): one page of an instance's tasks, and a whole listing read page by
 * page until one consistent view is complete. API 2.0's GetRedisTaskList is not offered: its
 * answer's shape is documented nowhere we could find, so it could not be read with confidence.
 */
import { sendRequest, endpointOf, type CallOptions } from "./call";
import { InputError, TaskApiError } from "./errors";
import { buildV3ActionRequest, readV3Answer } from "./protocolV3";
import { isObject, quoteBody } from "./responseText";
import { isTaskResultCode, MAX_PAGE_SIZE, resultText, type InstanceTask, type PageRequest, type TaskList, type TaskListPage, type TaskListQuery } from "./taskList";
import { taskTypeName } from "./taskTypes";
import type { ClientSettings } from "./types";

/** The action this file calls. */
export const TASK_LIST_ACTION = "DescribeTaskList";

/** Why `apiVersion: "v2"` cannot list an instance's tasks, for the error that says so. */
export const TASK_LIST_V2_UNSUPPORTED =
  'apiVersion "v2" cannot list an instance\'s tasks: API 2.0 GetRedisTaskList is hidden by Tencent and the shape of its answer is not documented, ' +
  'so it cannot be read reliably; use apiVersion "v3" (API 3.0 DescribeTaskList, the default here)';

/** Throws the {@link InputError} above for `apiVersion: "v2"`; `field` names where it was set. */
export function requireTaskListApi(apiVersion: string | undefined, field = "apiVersion"): void {
  if (apiVersion === "v2") throw new InputError(field, TASK_LIST_V2_UNSUPPORTED.replace(/^apiVersion/, field));
}

/** How many listings a caller tries when the list changes while it is paged. */
export const MAX_LISTING_ATTEMPTS = 5;

/** The request body of one page. */
export function taskListPayload(query: TaskListQuery, page: PageRequest): Record<string, unknown> {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_SIZE || page.offset % page.limit !== 0 || page.offset < 0) {
    // A programming error, never a user's: the API would answer with a confusing InvalidParameter.
    throw new RangeError(`DescribeTaskList page ${JSON.stringify(page)}: Limit must be 1-${MAX_PAGE_SIZE} and Offset a multiple of it`);
  }
  const payload: Record<string, unknown> = { InstanceId: query.instanceId, Limit: page.limit, Offset: page.offset };
  if (query.taskTypes?.length) payload.TaskTypes = [...query.taskTypes];
  if (query.results?.length) payload.Result = [...query.results];
  if (query.beginTime) payload.BeginTime = query.beginTime;
  if (query.endTime) payload.EndTime = query.endTime;
  return payload;
}

/** An `EndTime` that says "not ended": empty, or the zero date some Tencent APIs write. */
const notEnded = (value: unknown): boolean => typeof value !== "string" || value === "" || value.startsWith("0000-00-00");

/** Reads one listed task, or undefined when a field is missing or of the wrong kind. */
function readTask(value: unknown): InstanceTask | undefined {
  if (!isObject(value)) return undefined;
  const { TaskId, StartTime, TaskType, InstanceId, Progress, EndTime, Result } = value;
  if (!Number.isSafeInteger(TaskId) || !isTaskResultCode(Result)) return undefined;
  if (typeof TaskType !== "string" && typeof TaskType !== "number") return undefined;
  const active = Result === 0 || Result === 1;
  return {
    taskId: TaskId as number,
    taskType: taskTypeName(String(TaskType)),
    instanceId: typeof InstanceId === "string" ? InstanceId : "",
    startTime: typeof StartTime === "string" ? StartTime : "",
    ...(active || notEnded(EndTime) ? {} : { endTime: EndTime as string }),
    progress: typeof Progress === "number" && Number.isFinite(Progress) ? Progress : 0,
    result: Result,
    resultText: resultText(Result),
  };
}

/**
 * Reads one page of `query` with DescribeTaskList. Throws the {@link InputError} of
 * {@link requireTaskListApi} for API 2.0 settings, and a {@link TaskApiError} naming the instance
 * for API errors, transport failures and malformed answers.
 */
export async function describeTaskListPage(query: TaskListQuery, page: PageRequest, settings: ClientSettings, options: CallOptions = {}): Promise<TaskListPage> {
  requireTaskListApi(settings.apiVersion);
  const subject = { action: TASK_LIST_ACTION, instanceId: query.instanceId };
  const request = buildV3ActionRequest(TASK_LIST_ACTION, taskListPayload(query, page), settings, (options.now ?? Date.now)());
  const response = await sendRequest(request, subject, settings, options);
  const { answer, apiRequestId, malformed } = readV3Answer(subject, response, endpointOf(settings));
  const total = answer.TotalCount;
  if (!Number.isSafeInteger(total) || (total as number) < 0) throw malformed(`TotalCount ${JSON.stringify(total)}, not a count: ${quoteBody(response.body)}`);
  // An empty page may come as null or without Tasks.
  const raw = answer.Tasks ?? [];
  if (!Array.isArray(raw)) throw malformed(`Tasks is not an array: ${quoteBody(response.body)}`);
  if (raw.length > page.limit) throw malformed(`${raw.length} tasks on a page of at most ${page.limit}`);
  const tasks = raw.map((item, i) => {
    const task = readTask(item);
    if (!task) throw malformed(`Tasks[${i}] is not a task (TaskId integer, TaskType, Result 0/1/2/4): ${quoteBody(JSON.stringify(item))}`);
    return task;
  });
  return { totalCount: total as number, tasks, apiRequestId };
}

/** Reads one page; the caller decides how calls are paced. */
export type PageReader = (page: PageRequest) => Promise<TaskListPage>;

/**
 * Reads every page of a listing, at the largest page size. A list that changes between pages (a
 * task starts or ends while it is paged) shows as a `TotalCount` that differs between pages, a task
 * seen twice or one missing; such a listing is thrown away and read again, so no caller ever sees a
 * view in which a running task slipped between two pages. After {@link MAX_LISTING_ATTEMPTS}
 * listings that all changed, rejects with a retryable {@link TaskApiError}.
 *
 * One change these checks cannot see: a task leaving an already-read page while another joins the
 * head of the list. Gates list with a `Result` filter of 0, 1 and 4, so a task leaves the list only
 * by succeeding, and it was read as running: such a listing never reads as idle, and the next one
 * sees the newcomer.
 */
export async function listAllTasks(instanceId: string, readPage: PageReader, maxAttempts = MAX_LISTING_ATTEMPTS): Promise<TaskList> {
  let calls = 0;
  const read = (index: number) => {
    calls++;
    return readPage({ limit: MAX_PAGE_SIZE, offset: MAX_PAGE_SIZE * index });
  };
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const first = await read(0);
    const tasks = [...first.tasks];
    let consistent = true;
    for (let index = 1; tasks.length < first.totalCount; index++) {
      const page = await read(index);
      tasks.push(...page.tasks);
      if (page.totalCount !== first.totalCount || page.tasks.length === 0) {
        consistent = false;
        break;
      }
    }
    const distinct = new Set(tasks.map((task) => task.taskId));
    if (consistent && distinct.size === tasks.length && tasks.length === first.totalCount) return { totalCount: first.totalCount, tasks, calls };
  }
  throw new TaskApiError({
    kind: "malformed",
    action: TASK_LIST_ACTION,
    instanceId,
    apiVersion: "v3",
    apiMessage: `the task list changed while it was paged, in each of ${maxAttempts} listings (${calls} calls)`,
    retryable: true,
    hint: "Tasks start and end on the instance faster than a listing is read; retried with backoff",
  });
}
