/**
 * Policies for Pulumi CrossGuard packs, exported as `pulumi-tencentcloud-redis-task/policy`.
 * This module only exports policy objects: a team composes them into its own `PolicyPack` (whose
 * constructor starts the analyzer server, so it belongs in the pack's `index.ts` alone).
 * `@pulumi/policy` is used for types only; importing this module never loads it.
 *
 * @example
 * ```typescript
 * import { PolicyPack } from "@pulumi/policy";
 * import { redisTaskPolicies } from "pulumi-tencentcloud-redis-task/policy";
 *
 * new PolicyPack("tencentcloud-redis-task", { policies: redisTaskPolicies() });
 * ```
 */
import type { Policies } from "@pulumi/policy";
import { redisTaskGateRequired } from "./gateRequired";
import { redisTaskNotFailed } from "./taskNotFailed";
import { redisTaskSucceeded } from "./taskSucceeded";
import { redisTaskTimeoutBounded } from "./timeoutBounded";

export { redisTaskSucceeded, taskSucceededConfigSchema } from "./taskSucceeded";
export { redisTaskNotFailed, createRedisTaskNotFailedPolicy, taskNotFailedConfigSchema } from "./taskNotFailed";
export type { TaskNotFailedConfig, TaskNotFailedOptions } from "./taskNotFailed";
export { redisTaskTimeoutBounded, timeoutBoundedConfigSchema } from "./timeoutBounded";
export type { TimeoutBoundedConfig } from "./timeoutBounded";
export { redisTaskGateRequired, gateRequiredConfigSchema } from "./gateRequired";
export type { GateRequiredConfig } from "./gateRequired";
export { TASK_WAIT_TYPE } from "../resources/taskWait/types";
export { TASK_WAIT_TYPES } from "./resources";

/**
 * The four policies of this package, in a fresh array a pack may extend or filter:
 * `redis-task-succeeded` (stack, mandatory), `redis-task-not-failed` (stack, mandatory, live),
 * `redis-task-timeout-bounded` (resource, advisory) and `redis-task-gate-required` (stack,
 * advisory). Each level can be changed in the pack's policy config.
 */
export function redisTaskPolicies(): Policies {
  return [redisTaskSucceeded, redisTaskNotFailed, redisTaskTimeoutBounded, redisTaskGateRequired];
}
export { redisInstanceBusy, createRedisInstanceBusyPolicy, instanceBusyConfigSchema, type InstanceBusyConfig, type InstanceBusyOptions } from "./instanceBusy";
