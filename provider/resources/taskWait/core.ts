/**
 * TaskWait's core: a gate that exists once its Redis task succeeded. `create` waits; `update`
 * resumes a wait that has not succeeded; `read` queries once; deleting makes no call, since a task
 * needs no cleanup. Plain values only: the doors adapt it.
 */
import { TaskApiError } from "../../api/errors";
import { isUnknownTaskCode } from "../../api/classify";
import { TaskStatus } from "../../api/status";
import { readRedisTask } from "../../gate/readRedisTask";
import { waitForRedisTask } from "../../gate/waitForRedisTask";
import { currentProgressWriter, type ProgressWriter } from "../../gate/progressSink";
import { checkTaskWaitInputs, toTaskWaitInputs, type CheckFailure } from "./check";
import { taskGoneWarning, waitOutcome } from "./outcome";
import { redactingErrors, redactRequestId, secretTaskWaitId } from "../secretRequestId";
import type { TaskWaitInputs, TaskWaitOutputs } from "./types";
import type { ResourceCore } from "../core";
import { changedFields, gateDiff, gateSettings, replacedSettings, retuned } from "../gateSettings";
import { importedGateState } from "./importGate";

type Props = Record<string, unknown>;

/** The fields that change how to wait, not what: updated in place. */
const TUNING_FIELDS = ["timeout", "minPollInterval", "maxPollInterval", "displayName"] as const;

/** True for an API answer that says the task does not exist (any more). */
function isTaskGone(error: unknown): boolean {
  return error instanceof TaskApiError && error.kind === "api" && error.code !== undefined && isUnknownTaskCode(error.code);
}

/** Settings for a TaskWait's calls: its inputs first, then the provider's configuration, then the environment. */
const settingsFor = (inputs: TaskWaitInputs) => gateSettings(inputs, "v2");

/** How progress lines and warnings name a TaskWait: `TaskWait gate`. */
function labelOf(inputs: TaskWaitInputs): string {
  return `TaskWait ${inputs.displayName ?? inputs.requestId}`;
}

/**
 * Where progress lines and warnings go: the operation's progress sink (stderr for the dynamic
 * host, the engine's log for the plugin), with a secret requestId redacted.
 */
function writerFor(raw: Props): ProgressWriter {
  const write = currentProgressWriter();
  const secret = raw.requestIdIsSecret === true;
  return (line, options) => write(secret ? redactRequestId(line, raw.requestId) : line, options);
}

/** Runs a provider method; its errors leave without a secret requestId. */
function shielded<T>(raw: Props, action: () => Promise<T>): Promise<T> {
  return redactingErrors(raw.requestId, raw.requestIdIsSecret === true, action);
}

/**
 * Waits for the task and returns the outputs, or throws (failed task, partial failure on timeout).
 * `id` is the resource's ID, or undefined for a new one.
 */
function waitAndRecord(raw: Props, id?: string, previous?: Props): Promise<{ id: string; outs: Props }> {
  return shielded(raw, async () => {
    const inputs = toTaskWaitInputs(raw);
    const settings = settingsFor(inputs);
    const result = await waitForRedisTask({
      requestId: inputs.requestId,
      settings,
      timeout: inputs.timeout,
      minPollInterval: inputs.minPollInterval,
      maxPollInterval: inputs.maxPollInterval,
      label: labelOf(inputs),
      writeProgress: writerFor(raw),
    });
    const resourceId = id ?? (inputs.requestIdIsSecret ? secretTaskWaitId() : String(inputs.requestId));
    return waitOutcome(resourceId, raw, inputs, settings, result, previous);
  });
}

/** TaskWait on plain values. */
export const taskWaitCore: ResourceCore = {
  async check(_olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
    return checkTaskWaitInputs(news);
  },

  async diff(_id: string, olds: Props, news: Props) {
    const replaces = replacedSettings(olds, news, "v2");
    if (String(olds.requestId ?? "") !== String(news.requestId ?? "")) replaces.unshift("requestId");
    // A gate whose requestId became secret needs an ID that does not show it: a new one.
    // (Reported as a change of requestId, the property users see.)
    if ((olds.requestIdIsSecret === true) !== (news.requestIdIsSecret === true) && !replaces.includes("requestId")) replaces.push("requestId");
    // A gate not recorded as succeeded (a timeout, or a refresh that cleared the init error)
    // must be updated, which resumes the wait; otherwise dependents would proceed.
    return gateDiff(replaces, changedFields(olds, news, TUNING_FIELDS), "status", olds.status !== TaskStatus.Succeeded);
  },

  async create(inputs: Props): Promise<{ id: string; outs: Props }> {
    return waitAndRecord(inputs);
  },

  async update(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
    if (olds.status === TaskStatus.Succeeded) {
      // Already succeeded: new tuning settings are recorded without waiting again; a removed one
      // is dropped (a protobuf Struct cannot carry undefined), so the next diff sees no change.
      return { outs: retuned(olds, news, TUNING_FIELDS) };
    }
    const { outs } = await waitAndRecord(news, id, olds);
    return { outs };
  },

  async read(id: string, props: Props): Promise<{ id: string; props: Props }> {
    return shielded(props, async () => {
      const inputs = toTaskWaitInputs(props);
      const settings = settingsFor(inputs);
      let record;
      try {
        record = await readRedisTask({ requestId: inputs.requestId, settings });
      } catch (error) {
        if (!isTaskGone(error)) throw error;
        // The API forgets old tasks; a gate that saw its task succeed stays succeeded.
        if (props.status === TaskStatus.Succeeded) return { id, props };
        // One that never did cannot succeed any more: reported gone (an empty ID), so the refresh
        // drops it and completes for the other resources, as for anything deleted outside Pulumi.
        writerFor(props)(`[${labelOf(inputs)}] ${taskGoneWarning(inputs.requestId, (error as Error).message)}`);
        return { id: "", props: {} };
      }
      const refreshed: Partial<TaskWaitOutputs> = { status: record.status, statusText: record.statusText };
      for (const field of ["taskType", "instanceId", "startTime"] as const) if (record[field] !== undefined) refreshed[field] = record[field];
      return { id, props: { ...props, ...refreshed } };
    });
  },

  isReady(outs: Props): boolean {
    return outs.status === TaskStatus.Succeeded;
  },

  secretFlags: { requestId: "requestIdIsSecret" },

  // The import's ID is the task ID; the inputs recorded are that ID alone.
  imported(id: string) {
    const state = importedGateState(id);
    return { state, inputs: { requestId: state.requestId } };
  },
};
