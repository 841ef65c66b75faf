/**
 * `tencentcloud-redis-task tasks <instanceId>` (an instance's tasks, every page, as a table or
 * JSON) and `wait-idle <instanceId>` (the InstanceIdle wait for shell scripts and CI jobs), with
 * the flags, environment and exit codes of `status` and `wait`.
 */
import { requireTaskListApi } from "../api/describeTaskList";
import { TaskApiError } from "../api/errors";
import type { InstanceTask } from "../api/taskList";
import { formatDuration } from "../input/duration";
import { parseInstanceId, parseResults, parseTaskTypes, parseFailOn } from "../input/instanceFields";
import { readInstanceTasks } from "../gate/readInstanceTasks";
import { waitDurations } from "../gate/waitForRedisTask";
import { waitForRedisInstanceIdle } from "../gate/waitForInstanceIdle";
import { describeEffort } from "../gate/outcomeText";
import { describeTask } from "../waiter/instanceIdle";
import { parseApiCommand } from "./apiCommand";
import { ExitCode } from "./exitCodes";
import type { CommandIO } from "./io";
import { API_FLAGS_HELP } from "./usage";

const INSTANCE = { name: "instanceId", parse: (value: string) => parseInstanceId(value), defaultApi: "v3" as const };
const INSTANCE_FLAGS_HELP = API_FLAGS_HELP.replace("API 2.0 (default) or API 3.0", "API 3.0 (default; DescribeTaskList has no API 2.0 form)");

/** Help text of `tasks`. */
export const TASKS_HELP = `Usage: tencentcloud-redis-task tasks <instanceId> [options]

Lists a Redis instance's tasks with DescribeTaskList (API 3.0), every page, newest first, as a
table (ID, type, result, progress, start, end) or JSON. Exit codes as "status".

Options:
  --task-types A,B          only these types, e.g. FLOW_RESIZE,FLOW_BACKUPINSTANCE
  --results 0,1             only these results (0 initialising, 1 running, 2 succeeded, 4 failed)
${INSTANCE_FLAGS_HELP}
`;

/** Help text of `wait-idle`. */
export const WAIT_IDLE_HELP = `Usage: tencentcloud-redis-task wait-idle <instanceId> [options]

Waits until a Redis instance has no task initialising or running (DescribeTaskList), with the
same waiter as the InstanceIdle resource.

Exit codes: 0 idle, 1 a task failed during the wait (--fail-on failedSinceStart), 3 timed out,
2 bad usage or input, 4 API, authentication or network error, 130 interrupted (Ctrl-C).

Options:
  --task-types A,B          only tasks of these types count
  --fail-on none|failedSinceStart   fail when a task fails during the wait (default none)
  --timeout D               how long to wait, e.g. 45m (default 30m)
  --min-poll-interval D     first and smallest interval between listings (default 2s)
  --max-poll-interval D     largest interval between listings (default 30s)
${INSTANCE_FLAGS_HELP}
`;

/** One table row per task. */
export function formatTaskTable(tasks: InstanceTask[]): string {
  const rows = [["TASK", "TYPE", "RESULT", "PROGRESS", "START", "END"], ...tasks.map((t) => [String(t.taskId), t.taskType, t.resultText, `${Math.round(t.progress * 100)}%`, t.startTime, t.endTime ?? "-"])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}

/** Runs `tasks`; returns the exit code. */
export async function runTasks(argv: string[], io: CommandIO): Promise<number> {
  const line = parseApiCommand(argv, ["task-types", "results"], io.env, INSTANCE);
  if (line.help) {
    io.stdout(TASKS_HELP);
    return ExitCode.Ok;
  }
  const query = { instanceId: line.subject, taskTypes: parseTaskTypes(line.extra["task-types"], "--task-types"), results: parseResults(line.extra.results, "--results") };
  const settings = line.settings();
  requireTaskListApi(settings.apiVersion, "--api");
  const list = await readInstanceTasks({ query, settings });
  if (line.json) io.stdout(JSON.stringify({ instanceId: query.instanceId, totalCount: list.totalCount, tasks: list.tasks }, null, 2) + "\n");
  else io.stdout(list.tasks.length === 0 ? `no task found for instance ${query.instanceId}\n` : formatTaskTable(list.tasks) + "\n");
  return ExitCode.Ok;
}

/** Runs `wait-idle`; returns the exit code. `interrupt` resolves on Ctrl-C (default: SIGINT). */
export async function runWaitIdle(argv: string[], io: CommandIO, interrupt?: Promise<unknown>): Promise<number> {
  const line = parseApiCommand(argv, ["task-types", "fail-on", "timeout", "min-poll-interval", "max-poll-interval"], io.env, INSTANCE);
  if (line.help) {
    io.stdout(WAIT_IDLE_HELP);
    return ExitCode.Ok;
  }
  const durations = { timeout: line.extra.timeout, minPollInterval: line.extra["min-poll-interval"], maxPollInterval: line.extra["max-poll-interval"] };
  waitDurations(durations, { timeout: "--timeout", minPollInterval: "--min-poll-interval", maxPollInterval: "--max-poll-interval" });
  const taskTypes = parseTaskTypes(line.extra["task-types"], "--task-types");
  const failOn = parseFailOn(line.extra["fail-on"], "--fail-on");
  const settings = line.settings();
  requireTaskListApi(settings.apiVersion, "--api");
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  if (interrupt) void interrupt.then(onSigint);
  else process.once("SIGINT", onSigint);
  try {
    const result = await waitForRedisInstanceIdle({
      instanceId: line.subject,
      taskTypes,
      failOn,
      settings,
      ...durations,
      label: "wait-idle",
      writeProgress: (text) => io.stderr(text + "\n"),
      signal: controller.signal,
    });
    const effort = describeEffort(result.waitedMs, result.calls);
    if (line.json && result.state !== "aborted" && result.state !== "error") {
      io.stdout(JSON.stringify({ state: result.state, tasks: result.waited, active: result.active, polls: result.calls, waitedSeconds: Math.round(result.waitedMs / 1000) }, null, 2) + "\n");
    }
    switch (result.state) {
      case "idle":
        if (!line.json) io.stdout(`instance ${line.subject}: idle ${effort}\n`);
        return ExitCode.Ok;
      case "failed":
        io.stderr(`Redis task ${result.failedTask!.taskId} (${result.failedTask!.taskType}) on instance ${line.subject} failed during the wait ${effort}\n`);
        return ExitCode.TaskFailed;
      case "timedOut":
        io.stderr(`instance ${line.subject} was not idle within ${formatDuration(result.timeoutMs)}: ${result.active.map(describeTask).join(", ") || "no task seen running"}; ${effort}\n`);
        return ExitCode.TimedOut;
      case "aborted":
        io.stderr(`interrupted: instance ${line.subject} was not waited for to the end (${effort})\n`);
        return ExitCode.Interrupted;
      default:
        throw result.error ?? new TaskApiError({ kind: "transport", instanceId: line.subject, retryable: false, apiMessage: "the wait ended without a result" });
    }
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
}
