/** The plugin's `TaskWait` for Node.js programs: what the generated SDKs offer other languages. */
import * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../../api/types";
import type { TaskStatusCode, TaskStatusText } from "../../api/status";
import type { TaskWaitArgs } from "../dynamic/taskWait";
import { pinned, schemaInputs } from "./schemaInputs";
import { TASK_WAIT_TOKEN } from "../plugin/tokens";

/**
 * Waits for a Tencent Cloud Redis asynchronous task, served by the `tencentcloud-redis-task`
 * provider plugin: the same gate as the dynamic `TaskWait`, plus preview (its computed outputs
 * are unknown until the update) and Ctrl-C (the wait ends at once, the gate is recorded as not
 * ready and the next `pulumi up` resumes it). `customTimeouts.create` is the default `timeout`.
 *
 * Credentials come from the provider: stack config `tencentcloud-redis-task:*`, then the
 * `TENCENTCLOUD_*` environment variables.
 */
export class TaskWait extends pulumi.CustomResource {
  /** The type token, `tencentcloud-redis-task:index:TaskWait`. */
  static readonly __pulumiType = TASK_WAIT_TOKEN;

  /** True when `obj` is a TaskWait of this plugin (also across copies of this package). */
  static isInstance(obj: unknown): obj is TaskWait {
    return pulumi.CustomResource.isInstance(obj) && (obj as { __pulumiType?: string }).__pulumiType === TaskWait.__pulumiType;
  }

  /** The task ID. */
  declare readonly requestId: pulumi.Output<number>;
  /** The region that was queried. */
  declare readonly region: pulumi.Output<string>;
  /** The base URL given, if any. */
  declare readonly endpoint: pulumi.Output<string | undefined>;
  /** The API version that was used. */
  declare readonly apiVersion: pulumi.Output<ApiVersion>;
  /** The `timeout` given, if any. */
  declare readonly timeout: pulumi.Output<string | undefined>;
  /** The `minPollInterval` given, if any. */
  declare readonly minPollInterval: pulumi.Output<string | undefined>;
  /** The `maxPollInterval` given, if any. */
  declare readonly maxPollInterval: pulumi.Output<string | undefined>;
  /** Task status when last seen: 2 once the gate is ready. */
  declare readonly status: pulumi.Output<TaskStatusCode>;
  /** The readable name of `status`, e.g. `Succeeded`. */
  declare readonly statusText: pulumi.Output<TaskStatusText>;
  /** ISO time at which the wait saw the task succeed. */
  declare readonly completedAt: pulumi.Output<string | undefined>;
  /** Seconds spent waiting, over all resumed waits. */
  declare readonly waitedSeconds: pulumi.Output<number>;
  /** DescribeTaskInfo calls made, over all resumed waits. */
  declare readonly polls: pulumi.Output<number>;
  /** API 3.0 only: the task type, e.g. `FLOW_RESIZE`. */
  declare readonly taskType: pulumi.Output<string | undefined>;
  /** API 3.0 only: the Redis instance of the task. */
  declare readonly instanceId: pulumi.Output<string | undefined>;
  /** API 3.0 only: when the task started, as the API reports it. */
  declare readonly startTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: TaskWaitArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(TaskWait.__pulumiType, name, schemaInputs(TASK_WAIT_TOKEN, args), pinned(opts));
  }
}
