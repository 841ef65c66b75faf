/**
 * An instance's task list as gates, reads and the CLI read it: every page through the
 * process-wide DescribeTaskList budget (100 calls/s, apart from DescribeTaskInfo's), so all the
 * instance gates of a deployment stay under the API's quota together.
 */
import { describeTaskListPage, listAllTasks } from "../api/describeTaskList";
import type { PageRequest, TaskList, TaskListQuery } from "../api/taskList";
import type { ClientSettings, Transport } from "../api/types";
import { pacedCall } from "../waiter/query";
import { sharedTaskListBudget, type ApiBudget } from "../waiter/rateLimiter";
import type { Clock } from "../waiter/types";

/** Reads a whole listing of `query`. */
export type TaskLister = (query: TaskListQuery, signal?: AbortSignal) => Promise<TaskList>;

/** Options of {@link instanceTaskLister}; each has a production default. */
export interface TaskListerOptions {
  transport?: Transport;
  /** The clock whose time signs the requests; default the system's. */
  clock?: Clock;
  /** Default the process-wide DescribeTaskList budget; `false` for no pacing. */
  budget?: ApiBudget | false;
}

/** Lists with `settings`, each page paced by the budget. */
export function instanceTaskLister(settings: ClientSettings, options: TaskListerOptions = {}): TaskLister {
  const budget = options.budget === undefined ? sharedTaskListBudget() : options.budget || undefined;
  const { clock, transport } = options;
  return (query, signal) => {
    const page = (pageSignal: AbortSignal | undefined, request: PageRequest) =>
      describeTaskListPage(query, request, settings, { transport, signal: pageSignal, now: clock && (() => clock.now()) });
    const paced = budget ? pacedCall(budget.limiter, budget.pace, page) : page;
    return listAllTasks(query.instanceId, (request) => paced(signal, request));
  };
}
