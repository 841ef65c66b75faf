/**
 * The shapes of an InstanceIdle: what the core receives (plain values) and what it records. The
 * user-facing args (with Inputs) are in the doors.
 */
import type { ApiVersion } from "../../api/types";
import type { TaskTypeName } from "../../api/taskTypes";
import type { FailOn, WaitedTask } from "../../waiter/instanceIdle";
import type { GateInputs } from "../gateSettings";

/** The dynamic resource's type token: `pulumi-nodejs:dynamic/tencentcloud-redis:InstanceIdle`. */
export const INSTANCE_IDLE_TYPE = "pulumi-nodejs:dynamic/tencentcloud-redis:InstanceIdle";
/** Module and type name given to `dynamic.Resource` to form {@link INSTANCE_IDLE_TYPE}. */
export const INSTANCE_IDLE_MODULE = "tencentcloud-redis";
export const INSTANCE_IDLE_NAME = "InstanceIdle";

/** The API version an InstanceIdle uses by default: DescribeTaskList is API 3.0 only. */
export const INSTANCE_IDLE_API_VERSION: ApiVersion = "v3";

/** What the core receives, after `check`. */
export interface InstanceIdleInputs extends GateInputs {
  instanceId: string;
  taskTypes?: TaskTypeName[];
  failOn: FailOn;
}

/** What the core records. */
export interface InstanceIdleOutputs extends InstanceIdleInputs {
  region: string;
  apiVersion: ApiVersion;
  /** True once the wait saw the instance idle; false for a gate recorded not ready. */
  idle: boolean;
  /** The tasks it waited for, as last seen. */
  tasks: WaitedTask[];
  /** DescribeTaskList calls made, over all resumed waits. */
  polls: number;
  /** Seconds spent waiting, over all resumed waits. */
  waitedSeconds: number;
  /** ISO time at which the wait saw the instance idle. */
  completedAt?: string;
}
