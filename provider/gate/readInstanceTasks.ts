/**
 * One listing of an instance's tasks, as `pulumi refresh` and getInstanceTasks make it: every page
 * through the process-wide DescribeTaskList budget, throttled and transient failures retried for a
 * while, never waiting for the tasks themselves.
 */
import type { TaskList, TaskListQuery } from "../api/taskList";
import type { ApiBudget } from "../waiter/rateLimiter";
import { queryWithRetries } from "../waiter/retryQuery";
import type { RedisTaskReadOptions } from "./readRedisTask";
import { trackWait } from "./cancellation";
import { READ_RETRY_BUDGET_MS, READ_RETRY_MAX_DELAY_MS, READ_RETRY_MIN_DELAY_MS } from "./defaults";
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
  // Registered like a wait, so the engine's Cancel (Ctrl-C) ends a read that is retrying too.
  const tracked = trackWait();
  try {
    const { record } = await queryWithRetries<TaskList>({
      requestId: { action: "DescribeTaskList", instanceId: query.instanceId },
      query: (signal) => list(query, signal),
      budgetMs: options.budgetMs ?? READ_RETRY_BUDGET_MS,
      minDelayMs: READ_RETRY_MIN_DELAY_MS,
      maxDelayMs: READ_RETRY_MAX_DELAY_MS,
      clock: options.clock,
      random: options.random,
      signal: tracked.signal,
    });
    return record;
  } finally {
    tracked.done();
  }
}
