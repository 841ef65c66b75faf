/**
 * Turns the end of a wait into what the host expects: outputs on success, an error that fails
 * the deployment on a failed task, and a partial failure on timeout so that the resource is
 * recorded and the next `pulumi up` resumes the wait in `update`.
 */
import { formatDuration } from "../../input/duration";
import type { ClientSettings, TaskRecord } from "../../api/types";
import { statusText, type TaskStatusCode } from "../../api/status";
import type { RedisTaskWaitResult } from "../../gate/waitForRedisTask";
import { describeEffort, describeLastStatus, NO_STATUS_TEXT, taskFailedMessage } from "../../gate/outcomeText";
import { WaitCanceled } from "../../gate/cancellation";
import type { TaskWaitInputs } from "./types";
import { defined, NOT_READY, notReady as recordNotReady } from "../partialFailure";

type Props = Record<string, unknown>;

/** The warning of a refresh that finds the task of a gate that never succeeded gone from the API. */
export function taskGoneWarning(requestId: number, apiError: string): string {
  return (
    `task ${requestId}: the API no longer knows this task and the gate never saw it succeed (${apiError}). ` +
    "The refresh removes the gate from the stack; the next `pulumi up` creates it again, which fails unless requestId names a task the API knows"
  );
}

export { GatePartialFailure as TaskWaitPartialFailure } from "../partialFailure";

/** How far a wait got, over resumed waits: `after 42s, 9 polls`. */
const effort = (waitedSeconds: number, polls: number): string => describeEffort(waitedSeconds * 1000, polls);

/** Outputs for the end of a wait (the resource being `id`), or throws the error the deployment should show. */
export function waitOutcome(
  id: string,
  raw: Props,
  inputs: TaskWaitInputs,
  settings: ClientSettings,
  result: RedisTaskWaitResult,
  previous?: Props,
): { id: string; outs: Props } {
  const record: TaskRecord | undefined = result.record;
  const polls = result.polls + Number(previous?.polls ?? 0);
  const waitedSeconds = Math.round(result.waitedMs / 1000) + Number(previous?.waitedSeconds ?? 0);
  // No status when no poll was ever answered (here or in the wait this one resumes): none is made up.
  const status = (record?.status ?? previous?.status) as TaskStatusCode | undefined;
  const outs = defined({
    requestId: inputs.requestId,
    region: settings.region,
    endpoint: inputs.endpoint,
    apiVersion: settings.apiVersion,
    timeout: inputs.timeout,
    minPollInterval: inputs.minPollInterval,
    maxPollInterval: inputs.maxPollInterval,
    displayName: inputs.displayName,
    requestIdIsSecret: inputs.requestIdIsSecret,
    status,
    statusText: status === undefined ? NO_STATUS_TEXT : statusText(status),
    waitedSeconds,
    polls,
    taskType: record?.taskType ?? previous?.taskType,
    instanceId: record?.instanceId ?? previous?.instanceId,
    startTime: record?.startTime ?? previous?.startTime,
  });
  const subject = `Redis task ${inputs.requestId}`;
  switch (result.state) {
    case "succeeded":
      return { id, outs: { ...outs, completedAt: new Date().toISOString() } };
    case "failed": {
      const taskMessage = record?.taskMessage ? `: ${record.taskMessage}` : "";
      throw new Error(`${taskFailedMessage(inputs.requestId, status!, waitedSeconds * 1000, polls)}${taskMessage}`);
    }
    case "timedOut": {
      const lastError = result.error ? ` The last poll failed: ${result.error.message}` : "";
      const message =
        `${subject} did not finish within the timeout of ${formatDuration(result.timeoutMs)}: ${describeLastStatus(status)} ` +
        `${effort(waitedSeconds, polls)}.${lastError} ${NOT_READY} (raise \`timeout\` to wait longer).`;
      throw notReady(message);
    }
    case "aborted": {
      // Cancelled by the engine (Ctrl-C): recorded like a timeout, so the next `up` resumes.
      const why = result.abortReason instanceof WaitCanceled ? result.abortReason.why : "the wait was aborted";
      throw notReady(`${subject}: ${why} while waiting, ${describeLastStatus(status)} ${effort(waitedSeconds, polls)}. ${NOT_READY}.`);
    }
    default:
      throw new Error(result.error?.message ?? `${subject}: the wait ended ${effort(waitedSeconds, polls)}`);
  }

  function notReady(message: string) {
    return recordNotReady(message, id, outs, raw);
  }
}
