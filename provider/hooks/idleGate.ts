/**
 * One hook's wait for its instance, and the error that says why a wait did not end idle: the
 * hook, the resource, the instance, and the task that kept it busy or failed.
 */
import type { Transport } from "../api/types";
import { formatDuration } from "../input/duration";
import type { ApiBudget } from "../waiter/rateLimiter";
import type { Clock } from "../waiter/types";
import type { ResolvedHookOptions } from "./hookOptions";
import type { HookInstance } from "./hookTarget";
import { describeTask, waitForRedisInstanceIdle, type RedisInstanceIdleResult } from "./instanceWaiter";

/** What tests and the benchmark inject; production uses the defaults of every field. */
export interface HookRuntime {
  clock?: Clock;
  random?: () => number;
  transport?: Transport;
  /** Default the process-wide DescribeTaskList budget. */
  budget?: ApiBudget | false;
  /** Where progress lines go; default where a TaskWait's go (the operation's sink, else stderr). */
  writeProgress?: (line: string) => void;
}

/** A hook's wait that did not end with the instance idle. */
export class InstanceBusyError extends Error {
  readonly instanceId: string;
  /** How the wait ended. */
  readonly state: RedisInstanceIdleResult["state"];
  /** The task that kept the instance busy at the deadline, or that failed. */
  readonly taskId?: number;

  constructor(
    readonly hookName: string,
    readonly resourceName: string,
    result: RedisInstanceIdleResult & { instanceId: string },
    /** An after-hook's wait: the change was made, and the failed task may be its own. */
    after = false,
  ) {
    super(busyMessage(hookName, resourceName, result, after));
    this.name = "InstanceBusyError";
    this.instanceId = result.instanceId;
    this.state = result.state;
    this.taskId = (result.failedTask ?? result.active[0])?.taskId;
  }
}

function busyMessage(hookName: string, resourceName: string, result: RedisInstanceIdleResult & { instanceId: string }, after: boolean): string {
  const head = `hook ${hookName} for ${resourceName}: Redis instance ${result.instanceId}`;
  const waited = formatDuration(result.waitedMs);
  switch (result.state) {
    case "timedOut": {
      const running = result.active.length > 0 ? `: ${result.active.map(describeTask).join(", ")} still running` : "";
      return `${head} was still busy after ${waited} (timeout ${formatDuration(result.timeoutMs)})${running}. Raise the hook's timeout, or find out why the task takes so long`;
    }
    case "failed":
      return `${head}: task ${describeTask(result.failedTask!)} failed while the hook waited (failOn "failedSinceStart"); ${after ? "the change was made, but its task did not succeed" : "the change was not made"}. See the task in the console before retrying`;
    case "error":
      return `${head}: its tasks could not be listed: ${result.error?.message ?? "unknown error"}`;
    default:
      return `${head}: the wait was cancelled after ${waited}`;
  }
}

/** Waits for `instance` with the hook's options; progress lines are labelled with the hook and the resource. */
export async function waitForHookInstance(hook: ResolvedHookOptions, resourceName: string, instance: HookInstance, runtime: HookRuntime = {}): Promise<RedisInstanceIdleResult> {
  if (!("secretId" in hook.settings)) throw hook.settings;
  return waitForRedisInstanceIdle({
    instanceId: instance.instanceId,
    taskTypes: hook.taskTypes,
    failOn: hook.failOn,
    settings: hook.settings,
    timeout: hook.timeout,
    minPollInterval: hook.minPollInterval,
    maxPollInterval: hook.maxPollInterval,
    label: `${hook.hookName} ${resourceName}`,
    writeProgress: runtime.writeProgress,
    clock: runtime.clock,
    random: runtime.random,
    transport: runtime.transport,
    budget: runtime.budget,
  });
}

/** Waits, then throws an {@link InstanceBusyError} unless the instance ended idle. */
export async function requireIdle(hook: ResolvedHookOptions, resourceName: string, instance: HookInstance, runtime: HookRuntime = {}): Promise<RedisInstanceIdleResult> {
  const result = await waitForHookInstance(hook, resourceName, instance, runtime);
  if (result.state !== "idle") throw new InstanceBusyError(hook.hookName, resourceName, { ...result, instanceId: instance.instanceId }, hook.after);
  return result;
}
