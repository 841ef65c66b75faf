/** `tencentcloud-redis-task wait <requestId>`: the TaskWait waiter for shell scripts and CI jobs. */
import { formatDuration } from "../input/duration";
import { waitForRedisTask, waitDurations } from "../gate/waitForRedisTask";
import { parseApiCommand } from "./apiCommand";
import { ExitCode } from "./exitCodes";
import type { CommandIO } from "./io";
import { formatRecord } from "./status";
import { API_FLAGS_HELP } from "./usage";
import { TaskApiError } from "../api/errors";
import { describeEffort, describeLastStatus, taskFailedMessage } from "../gate/outcomeText";

/** Help text of `wait`. */
export const WAIT_HELP = `Usage: tencentcloud-redis-task wait <requestId> [options]

Polls a Redis task with DescribeTaskInfo until it finishes, with the same waiter as the
TaskWait resource (exponential backoff with jitter, transient errors retried).

Exit codes: 0 succeeded (status 2), 1 failed (status 3 or -1), 3 timed out, 2 bad usage or
input, 4 API, authentication or network error, 130 interrupted (Ctrl-C).

Options:
  --timeout D               how long to wait, e.g. 45m, 90s, 1h30m (default 30m)
  --min-poll-interval D     first and smallest interval between polls (default 2s)
  --max-poll-interval D     largest interval between polls (default 30s)
${API_FLAGS_HELP}
`;

/** Runs `wait`; returns the exit code. `interrupt` resolves on Ctrl-C (default: SIGINT). */
export async function runWait(argv: string[], io: CommandIO, interrupt?: Promise<unknown>): Promise<number> {
  const line = parseApiCommand(argv, ["timeout", "min-poll-interval", "max-poll-interval"], io.env);
  if (line.help) {
    io.stdout(WAIT_HELP);
    return ExitCode.Ok;
  }
  const durations = { timeout: line.extra.timeout, minPollInterval: line.extra["min-poll-interval"], maxPollInterval: line.extra["max-poll-interval"] };
  // Bad durations are usage errors, found before any call.
  waitDurations(durations, { timeout: "--timeout", minPollInterval: "--min-poll-interval", maxPollInterval: "--max-poll-interval" });
  const settings = line.settings();

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  if (interrupt) void interrupt.then(onSigint);
  else process.once("SIGINT", onSigint);
  // On a terminal the progress line updates in place; elsewhere (logs) a line per change.
  let progressShown = false;
  const writeProgress = io.isTTY
    ? (text: string) => {
        progressShown = true;
        io.stderr(`\r\x1b[2K${text}`);
      }
    : (text: string) => io.stderr(text + "\n");
  try {
    const result = await waitForRedisTask({
      requestId: line.requestId,
      settings,
      ...durations,
      label: "wait",
      writeProgress,
      signal: controller.signal,
    });
    if (progressShown) io.stderr("\n");
    const effort = describeEffort(result.waitedMs, result.polls);
    if (line.json && result.state !== "aborted" && result.state !== "error") {
      io.stdout(JSON.stringify({ state: result.state, record: result.record, polls: result.polls, waitedSeconds: Math.round(result.waitedMs / 1000) }, null, 2) + "\n");
    }
    switch (result.state) {
      case "succeeded":
        if (!line.json) io.stdout(formatRecord(result.record!) + "\n");
        return ExitCode.Ok;
      case "failed":
        if (!line.json) io.stdout(formatRecord(result.record!) + "\n");
        io.stderr(taskFailedMessage(line.requestId, result.record!.status, result.waitedMs, result.polls) + "\n");
        return ExitCode.TaskFailed;
      case "timedOut": {
        const last = describeLastStatus(result.record?.status);
        const lastError = result.error ? `; the last poll failed: ${result.error.message}` : "";
        io.stderr(`Redis task ${line.requestId} did not finish within ${formatDuration(result.timeoutMs)}: ${last}, ${result.polls} polls${lastError}\n`);
        return ExitCode.TimedOut;
      }
      case "aborted":
        io.stderr(`interrupted: Redis task ${line.requestId} was not waited for to the end (${effort})\n`);
        return ExitCode.Interrupted;
      default:
        throw result.error ?? new TaskApiError({ kind: "transport", requestId: line.requestId, retryable: false, apiMessage: "the wait ended without a result" });
    }
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
}
