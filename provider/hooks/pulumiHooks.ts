/**
 * The hooks as Pulumi objects: `instanceIdleHook` (a ResourceHook) and `retryOnInstanceBusy` (an
 * ErrorHook). Hooks run in the program's process, so they read the program's stack config and
 * environment, once, when made.
 */
import * as pulumi from "@pulumi/pulumi";
import { idleHookCallback, busyRetryCallback } from "./hookCallbacks";
import { resolveHookOptions, type InstanceIdleHookOptions, type RetryOnInstanceBusyOptions } from "./hookOptions";

// runtime.getConfig reads secrets without the "use getSecret" warning Config.get would log.
const stackConfig = (key: string) => pulumi.runtime.getConfig(key);

/**
 * A resource hook that waits until a Redis instance has no running task (of `taskTypes`), for
 * `beforeCreate`, `beforeUpdate` and `beforeDelete` (or, with `after: true`, `afterCreate` /
 * `afterUpdate`: waits for the tasks the change started). The instance is `options.instanceId`,
 * else the resource's `instanceId` input, else its ID when that is an instance ID (`crs-…`).
 * Throws, failing a before-step, naming the instance and the task, on `timeout` (default 30
 * minutes) or, with `failOn: "failedSinceStart"`, on a task that fails meanwhile. An after-hook
 * that throws fails the `up` too, but its resource stays created (see the README).
 *
 * @example
 * const idle = instanceIdleHook("redis-idle", { timeout: "20m" });
 * new tencentcloud.redis.Param("params", { instanceId: cache.id, params: {...} }, { hooks: { beforeCreate: [idle], beforeUpdate: [idle] } });
 */
export function instanceIdleHook(name: string, options: InstanceIdleHookOptions = {}): pulumi.ResourceHook {
  return new pulumi.ResourceHook(name, idleHookCallback(resolveHookOptions(name, options, stackConfig)));
}

/**
 * An error hook that retries a step refused because its Redis instance was busy
 * (`ResourceUnavailable.InstanceLockedError` and the other codes of `INSTANCE_BUSY_CODES`, in the
 * tencentcloud provider's `[TencentCloudSDKError] Code=…` text or this package's errors): it waits
 * until the instance is idle and asks the engine to retry, at most `maxRetries` times (default 5).
 * Any other error, or a wait that does not end idle, lets the original error stand.
 *
 * @example
 * new tencentcloud.redis.Param("params", {...}, { hooks: { onError: [retryOnInstanceBusy("redis-busy")] } });
 */
export function retryOnInstanceBusy(name: string, options: RetryOnInstanceBusyOptions = {}): pulumi.ErrorHook {
  return new pulumi.ErrorHook(name, busyRetryCallback(resolveHookOptions(name, options, stackConfig)));
}
