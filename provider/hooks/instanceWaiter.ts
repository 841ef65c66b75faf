/**
 * The hooks' one entry point to the instance gate: the same wait InstanceIdle and `wait-idle` run
 * (durations, the shared DescribeTaskList budget, progress lines, cancellation) and the same field
 * checks, so a hook and a resource on one instance behave alike.
 */
export { requireTaskListApi } from "../api/describeTaskList";
export type { TaskTypeName } from "../api/taskTypes";
export { waitDurations } from "../gate/waitForRedisTask";
export { waitForRedisInstanceIdle } from "../gate/waitForInstanceIdle";
export type { RedisInstanceIdleOptions, RedisInstanceIdleResult } from "../gate/waitForInstanceIdle";
export { parseFailOn, parseInstanceId, parseTaskTypes } from "../input/instanceFields";
export { describeTask } from "../waiter/instanceIdle";
export type { FailOn, InstanceIdleResult } from "../waiter/instanceIdle";
