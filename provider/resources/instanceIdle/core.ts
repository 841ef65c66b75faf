/**
 * InstanceIdle's core: a gate that exists once a Redis instance has no initialising or running
 * task (of the given types). `create` waits; `update` resumes a wait that is not ready; `read`
 * (refresh) lists the instance's running tasks once, under the same rate limit; deleting makes no
 * call. Plain values only: the doors adapt it.
 */
import { requireTaskListApi } from "../../api/describeTaskList";
import { TaskResult } from "../../api/taskList";
import { currentProgressWriter } from "../../gate/progressSink";
import { readInstanceTasks } from "../../gate/readInstanceTasks";
import { waitForRedisInstanceIdle } from "../../gate/waitForInstanceIdle";
import { describeTask, type WaitedTask } from "../../waiter/instanceIdle";
import type { Props, ResourceCore } from "../core";
import { changedFields, gateDiff, gateSettings, replacedSettings, retuned } from "../gateSettings";
import { checkInstanceIdleInputs, toInstanceIdleInputs } from "./check";
import { instanceIdleOutcome } from "./outcome";
import { INSTANCE_IDLE_API_VERSION, type InstanceIdleInputs } from "./types";

/** The fields that change how to wait, not what: updated in place. */
const TUNING_FIELDS = ["timeout", "minPollInterval", "maxPollInterval", "displayName", "failOn"] as const;

const labelOf = (inputs: InstanceIdleInputs) => `InstanceIdle ${inputs.displayName ?? inputs.instanceId}`;

const settingsFor = (inputs: InstanceIdleInputs) => gateSettings(inputs, INSTANCE_IDLE_API_VERSION);

/** Waits for the instance and returns the outputs, or throws. `id` is the gate's ID, or undefined for a new one. */
async function waitAndRecord(raw: Props, id?: string, previous?: Props): Promise<{ id: string; outs: Props }> {
  const inputs = toInstanceIdleInputs(raw);
  const settings = settingsFor(inputs);
  const result = await waitForRedisInstanceIdle({
    instanceId: inputs.instanceId,
    taskTypes: inputs.taskTypes,
    failOn: inputs.failOn,
    previouslyWaited: Array.isArray(previous?.tasks) ? (previous!.tasks as WaitedTask[]) : undefined,
    settings,
    timeout: inputs.timeout,
    minPollInterval: inputs.minPollInterval,
    maxPollInterval: inputs.maxPollInterval,
    label: labelOf(inputs),
    writeProgress: currentProgressWriter(),
  });
  return instanceIdleOutcome(id ?? inputs.instanceId, raw, inputs, settings, result, previous);
}

/** InstanceIdle on plain values. */
export const instanceIdleCore: ResourceCore = {
  async check(_olds, news) {
    return checkInstanceIdleInputs(news);
  },

  async diff(_id, olds, news) {
    const replaces = replacedSettings(olds, news, INSTANCE_IDLE_API_VERSION);
    if (String(olds.instanceId ?? "") !== String(news.instanceId ?? "")) replaces.unshift("instanceId");
    // Other task types make another gate: the one recorded waited for different tasks.
    if (changedFields(olds, news, ["taskTypes"]).length > 0) replaces.push("taskTypes");
    // The recorded failOn has its default filled in; a program that omits it has not changed it.
    const withDefault = (props: typeof news) => ({ ...props, failOn: props.failOn ?? "none" });
    // A gate not recorded as idle must be updated, which resumes the wait.
    return gateDiff(replaces, changedFields(withDefault(olds), withDefault(news), TUNING_FIELDS), "idle", olds.idle !== true);
  },

  async create(inputs) {
    return waitAndRecord(inputs);
  },

  async update(id, olds, news) {
    if (olds.idle === true) {
      // Already idle: new tuning is recorded without waiting again.
      return { outs: retuned(olds, news, TUNING_FIELDS) };
    }
    const { outs } = await waitAndRecord(news, id, olds);
    return { outs };
  },

  async read(id, props) {
    const inputs = toInstanceIdleInputs(props);
    requireTaskListApi(inputs.apiVersion);
    const list = await readInstanceTasks({
      query: { instanceId: inputs.instanceId, taskTypes: inputs.taskTypes, results: [TaskResult.Initializing, TaskResult.Running] },
      settings: settingsFor(inputs),
    });
    if (list.tasks.length === 0 || props.idle !== true) return { id, props };
    // Work started on the instance since the gate was ready: the next `up` waits for it again.
    currentProgressWriter()(
      `[${labelOf(inputs)}] instance ${inputs.instanceId} has ${list.tasks.length} running task(s) now: ${list.tasks.map(describeTask).join(", ")}; ` +
        "the refresh records the gate as not ready, so the next `pulumi up` waits for them",
    );
    return { id, props: { ...props, idle: false } };
  },

  isReady(outs) {
    return outs.idle === true;
  },
};
