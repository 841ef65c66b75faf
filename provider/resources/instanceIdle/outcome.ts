/**
 * The end of an instance wait as a gate records it: outputs when idle, an error naming the task
 * (its type and the instance) when one failed since the wait began, a partial failure on timeout
 * or Ctrl-C so the next `pulumi up` resumes the wait.
 */
import { formatDuration } from "../../input/duration";
import type { ClientSettings } from "../../api/types";
import { WaitCanceled } from "../../gate/cancellation";
import { describeEffort } from "../../gate/outcomeText";
import type { RedisInstanceIdleResult } from "../../gate/waitForInstanceIdle";
import { describeTask } from "../../waiter/instanceIdle";
import type { Props } from "../core";
import { defined, NOT_READY, notReady } from "../partialFailure";
import type { InstanceIdleInputs, InstanceIdleOutputs } from "./types";

/** `2 tasks still running: FLOW_RESIZE 12 (Running, 40%), …`. */
function stillRunning(result: RedisInstanceIdleResult): string {
  const n = result.active.length;
  if (n === 0) return "no task seen running";
  return `${n} task${n === 1 ? "" : "s"} still running: ${result.active.map(describeTask).join(", ")}`;
}

/** Outputs for the end of a wait (the gate being `id`), or throws the error the deployment should show. */
export function instanceIdleOutcome(
  id: string,
  raw: Props,
  inputs: InstanceIdleInputs,
  settings: ClientSettings,
  result: RedisInstanceIdleResult,
  previous?: Props,
): { id: string; outs: Props } {
  const polls = result.calls + Number(previous?.polls ?? 0);
  const waitedSeconds = Math.round(result.waitedMs / 1000) + Number(previous?.waitedSeconds ?? 0);
  const outputs: InstanceIdleOutputs = {
    ...inputs,
    region: settings.region,
    apiVersion: settings.apiVersion,
    idle: result.state === "idle",
    tasks: result.waited,
    polls,
    waitedSeconds,
  };
  const outs = defined({ ...outputs });
  const effort = describeEffort(waitedSeconds * 1000, polls);
  const subject = `Redis instance ${inputs.instanceId}`;
  switch (result.state) {
    case "idle":
      return { id, outs: { ...outs, completedAt: new Date().toISOString() } };
    case "failed": {
      const task = result.failedTask!;
      throw new Error(
        `Redis task ${task.taskId} (${task.taskType}) on instance ${inputs.instanceId} failed during the wait (Result 4) ${effort}; ` +
          'failOn "failedSinceStart" stops the deployment here (set failOn "none" to wait only for the instance to be idle)',
      );
    }
    case "timedOut": {
      const lastError = result.error ? ` The last listing failed: ${result.error.message}` : "";
      throw notReady(
        `${subject} was not idle within the timeout of ${formatDuration(result.timeoutMs)}: ${stillRunning(result)} ${effort}.${lastError} ${NOT_READY} (raise \`timeout\` to wait longer).`,
        id,
        outs,
        raw,
      );
    }
    case "aborted": {
      const why = result.abortReason instanceof WaitCanceled ? result.abortReason.why : "the wait was aborted";
      throw notReady(`${subject}: ${why} while waiting, ${stillRunning(result)} ${effort}. ${NOT_READY}.`, id, outs, raw);
    }
    default:
      throw new Error(result.error?.message ?? `${subject}: the wait ended ${effort}`);
  }
}
