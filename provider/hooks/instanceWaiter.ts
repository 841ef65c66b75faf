/**
 * The hooks' one entry point to the instance waiter and its input checks: everything the hooks
 * take from the instance-gate work comes through here, so a move of those files touches this file
 * only. Interim: until the instance gate (issue 16) lands its `waitForRedisInstanceIdle` and
 * instance field checks, this file adapts the pure wait of `waiter/instanceIdle` the same way.
 */
import { requireTaskListApi } from "../api/describeTaskList";
import { InputError } from "../api/errors";
import { isTaskTypeName, TASK_TYPE_NAMES, type TaskTypeName } from "../api/taskTypes";
import { formatDuration } from "../input/duration";
import { showValue } from "../input/showValue";
import { trackWait } from "../gate/cancellation";
import { currentProgressWriter } from "../gate/progressSink";
import { instanceTaskLister } from "../gate/taskListQuery";
import { waitDurations, type RedisTaskWaitOptions } from "../gate/waitForRedisTask";
import { describeTask, waitForInstanceIdle, FAIL_ON_VALUES, type FailOn, type InstanceIdleProgress, type InstanceIdleResult } from "../waiter/instanceIdle";
import type { ApiBudget } from "../waiter/rateLimiter";

export { describeTask, requireTaskListApi, waitDurations };
export type { FailOn, InstanceIdleResult, TaskTypeName };

/** Options of {@link waitForRedisInstanceIdle}; durations as users write them. */
export interface RedisInstanceIdleOptions extends Omit<RedisTaskWaitOptions, "requestId" | "rateLimiter"> {
  instanceId: string;
  taskTypes?: readonly TaskTypeName[];
  failOn?: FailOn;
  /** Default the process-wide DescribeTaskList budget; `false` for none. */
  budget?: ApiBudget | false;
}

/** The instance wait's result plus the timeout that applied. */
export interface RedisInstanceIdleResult extends InstanceIdleResult {
  timeoutMs: number;
}

const progressLine = (label: string, event: InstanceIdleProgress) => {
  const head = `[${label}] instance ${event.instanceId}`;
  const effort = `${event.calls} poll${event.calls === 1 ? "" : "s"}, ${formatDuration(event.waitedMs)}`;
  if (event.active.length === 0) return `${head}: idle, no task running; ${effort}`;
  return `${head}: ${event.active.length} task(s) running: ${event.active.map(describeTask).join(", ")}; ${effort}`;
};

/** Waits until the instance has no initialising or running task (of `taskTypes`); the outcome is a value. */
export async function waitForRedisInstanceIdle(options: RedisInstanceIdleOptions): Promise<RedisInstanceIdleResult> {
  const durations = waitDurations(options);
  const list = instanceTaskLister(options.settings, { transport: options.transport, clock: options.clock, budget: options.budget });
  const write = options.writeProgress === undefined ? currentProgressWriter() : options.writeProgress;
  let last: string | undefined;
  const tracked = trackWait();
  const signal = options.signal ? AbortSignal.any([options.signal, tracked.signal]) : tracked.signal;
  try {
    const result = await waitForInstanceIdle({
      instanceId: options.instanceId,
      taskTypes: options.taskTypes,
      failOn: options.failOn,
      list,
      ...durations,
      clock: options.clock,
      random: options.random,
      signal,
      onProgress: (event) => {
        const key = event.active.map(describeTask).join(",");
        if (key !== last) write?.(progressLine(options.label, event));
        last = key;
      },
    });
    return { ...result, timeoutMs: durations.timeoutMs };
  } finally {
    tracked.done();
  }
}

/** A Redis instance ID such as `crs-5a4py64p`. */
export function parseInstanceId(value: unknown, field = "instanceId"): string {
  if (typeof value === "string" && /^crs-[a-z0-9]{8}$/.test(value)) return value;
  throw new InputError(field, `${field} must be a Redis instance ID as the console shows it, "crs-" and 8 lower-case letters or digits such as "crs-5a4py64p"; got ${showValue(value)}`);
}

/** A list of task type names; undefined or empty: every type. */
export function parseTaskTypes(value: unknown, field = "taskTypes"): TaskTypeName[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new InputError(field, `${field} must be a list of task type names such as ["FLOW_RESIZE"]; got ${showValue(value)}`);
  value.forEach((item, i) => {
    if (!isTaskTypeName(item)) throw new InputError(field, `${field}[${i}] ${showValue(item)} is not a Redis task type; valid names: ${TASK_TYPE_NAMES.join(", ")}`);
  });
  return value.length === 0 ? undefined : (value as TaskTypeName[]);
}

/** `none` (default) or `failedSinceStart`. */
export function parseFailOn(value: unknown, field = "failOn"): FailOn {
  if (value === undefined || value === null || value === "") return "none";
  if ((FAIL_ON_VALUES as readonly unknown[]).includes(value)) return value as FailOn;
  throw new InputError(field, `${field} must be "none" or "failedSinceStart"; got ${showValue(value)}`);
}
