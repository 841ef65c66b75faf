/**
 * The three shapes of a TaskWait, kept apart as Pulumi's dynamic-provider examples do: the
 * user-facing args (Inputs), what the provider receives (plain values), and what it records.
 */
import type { ApiVersion } from "../../api/types";
import type { TaskStatusCode, TaskStatusText } from "../../api/status";
import type { GateInputs } from "../gateSettings";

/** The type token the resource registers: `pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait`. */
export const TASK_WAIT_TYPE = "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait";
/** Module and type name given to `dynamic.Resource` to form {@link TASK_WAIT_TYPE}. */
export const TASK_WAIT_MODULE = "tencentcloud-redis";
export const TASK_WAIT_NAME = "TaskWait";

/** How long a TaskWait waits when neither `timeout` nor `customTimeouts.create` is given. */
export const DEFAULT_TIMEOUT = "30m";

/** What the provider receives: the args with Inputs resolved, plus the resource's name. */
export interface TaskWaitInputs extends GateInputs {
  requestId: number;
  /** True when the program's `requestId` is a secret: the provider then never shows it. */
  requestIdIsSecret?: boolean;
}

/** What the provider records as the resource's outputs. */
export interface TaskWaitOutputs extends TaskWaitInputs {
  region: string;
  apiVersion: ApiVersion;
  /** Absent when no poll was ever answered (a timeout or Ctrl-C before any answer). */
  status?: TaskStatusCode;
  /** `statusText(status)`, or `No status received` when there is no status. */
  statusText: TaskStatusText | "No status received";
  /** ISO time at which the wait saw the task succeed; absent until then. */
  completedAt?: string;
  /** Seconds spent waiting, summed over resumed waits. */
  waitedSeconds: number;
  /** DescribeTaskInfo calls made, summed over resumed waits. */
  polls: number;
  taskType?: string;
  instanceId?: string;
  startTime?: string;
}
