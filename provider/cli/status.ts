/** `tencentcloud-redis-task status <requestId>`: one DescribeTaskInfo query, printed. */
import { describeTaskInfo } from "../api/describeTaskInfo";
import type { TaskRecord } from "../api/types";
import { parseApiCommand } from "./apiCommand";
import { ExitCode } from "./exitCodes";
import type { CommandIO } from "./io";
import { API_FLAGS_HELP } from "./usage";

/** Help text of `status`. */
export const STATUS_HELP = `Usage: tencentcloud-redis-task status <requestId> [options]

Queries a Redis task once with DescribeTaskInfo and prints its status, e.g.
"task 11963: Succeeded (2)". Exits 0 when the query succeeded, whatever the task's
status; 2 for bad usage or input; 4 for an API, authentication or network error.

Options:
${API_FLAGS_HELP}
`;

/** One line for people: `task 11963: Succeeded (2)`, plus the task message when there is one. */
export function formatRecord(record: TaskRecord): string {
  const message = record.taskMessage ? ` - ${record.taskMessage}` : "";
  return `task ${record.requestId}: ${record.statusText} (${record.status})${message}`;
}

/** Runs `status`; returns the exit code. Errors other than API errors propagate to main. */
export async function runStatus(argv: string[], io: CommandIO): Promise<number> {
  const line = parseApiCommand(argv, [], io.env);
  if (line.help) {
    io.stdout(STATUS_HELP);
    return ExitCode.Ok;
  }
  const record = await describeTaskInfo(line.requestId, line.settings());
  io.stdout(line.json ? JSON.stringify(record, null, 2) + "\n" : formatRecord(record) + "\n");
  return ExitCode.Ok;
}
