/**
 * One listing of an instance's tasks, as `pulumi refresh` and getInstanceTasks make it: every page
 * through the process-wide DescribeTaskList budget, throttled and transient failures retried for a
 * while, never waiting for the tasks themselves.
 */
import type { TaskList, TaskListQuery } from "../api/taskList";
import type { ApiBudget } from "../waiter/rateLimiter";
import { cancellableRead } from "./cancellableRead";
import type { RedisTaskReadOptions } from "./readRedisTask";
import { instanceTaskLister } from "./taskListQuery";

/** Options of {@link readInstanceTasks}; all but the query and settings have production defaults. */
export interface InstanceTasksReadOptions extends Omit<RedisTaskReadOptions, "requestId" | "rateLimiter"> {
  query: TaskListQuery;
  /** Default the process-wide DescribeTaskList budget. */
  budget?: ApiBudget | false;
}

/** Every task of the query, from one consistent listing. Rejects with the `TaskApiError` that ended the tries. */
export async function readInstanceTasks(options: InstanceTasksReadOptions): Promise<TaskList> {
  const { query, settings } = options;
  const list = instanceTaskLister(settings, { transport: options.transport, clock: options.clock, budget: options.budget });
  return cancellableRead<TaskList>({ action: "DescribeTaskList", instanceId: query.instanceId }, (signal) => list(query, signal), options);
}
