/** The `TaskWait` resource: a deployment gate that exists only once its Redis task succeeded. */
import * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../../api/types";
import type { TaskStatusCode, TaskStatusText } from "../../api/status";
import { taskWaitProviderStub } from "./providerStub";
import { TASK_WAIT_MODULE, TASK_WAIT_NAME } from "../../resources/taskWait/types";

/** The arguments of a {@link TaskWait}. */
export interface TaskWaitArgs {
  /** The task ID returned by the Redis operation (a number or a numeric string). */
  requestId: pulumi.Input<number | string>;
  /** Region of the task; default: stack config `tencentcloud:region`, then `TENCENTCLOUD_REGION`. */
  region?: pulumi.Input<string>;
  /** Base URL instead of the public API (the emulator, a private endpoint); default: `TENCENTCLOUD_REDIS_ENDPOINT`. */
  endpoint?: pulumi.Input<string>;
  /** `"v2"` (API 2.0, default) or `"v3"` (API 3.0, which adds task type, instance and message). */
  apiVersion?: pulumi.Input<ApiVersion>;
  /**
   * How long to wait, e.g. `"45m"`, `"90s"` or seconds; default `customTimeouts.create`, else 30 minutes.
   * Past it the resource is recorded as not ready and the next `pulumi up` resumes waiting.
   */
  timeout?: pulumi.Input<string | number>;
  /** The first and smallest interval between polls, e.g. `"2s"` (default 2 s). */
  minPollInterval?: pulumi.Input<string | number>;
  /** The largest interval between polls, e.g. `"30s"` (default 30 s). */
  maxPollInterval?: pulumi.Input<string | number>;
}

/**
 * Waits for a Tencent Cloud Redis asynchronous task. Creating it blocks until the task reaches
 * status 2 (succeeded) and fails the deployment on status 3 (failed) or -1 (error), so resources
 * that `dependsOn` it are created only after the task truly succeeded.
 *
 * Credentials come from stack config (`tencentcloud:secretId`, `tencentcloud:secretKey`,
 * `tencentcloud:securityToken`) or the environment, never from inputs, so none is stored in state.
 *
 * @example
 * const gate = new TaskWait("resize", { requestId: resizeTaskId, timeout: "45m" });
 * new SomeResource("after", {...}, { dependsOn: [gate] });
 */
export class TaskWait extends pulumi.dynamic.Resource {
  /** The task ID. */
  declare readonly requestId: pulumi.Output<number>;
  /** Task status when last seen: 2 once created; absent on a gate left not ready before any answer. */
  declare readonly status: pulumi.Output<TaskStatusCode | undefined>;
  /** The readable name of `status`, e.g. `Succeeded`, or `No status received`. */
  declare readonly statusText: pulumi.Output<TaskStatusText | "No status received">;
  /** The region that was queried. */
  declare readonly region: pulumi.Output<string>;
  /** The API version that was used. */
  declare readonly apiVersion: pulumi.Output<ApiVersion>;
  /** ISO time at which the wait saw the task succeed. */
  declare readonly completedAt: pulumi.Output<string>;
  /** Seconds spent waiting, over all resumed waits. */
  declare readonly waitedSeconds: pulumi.Output<number>;
  /** DescribeTaskInfo calls made, over all resumed waits. */
  declare readonly polls: pulumi.Output<number>;
  /** API 3.0 only: the task type, e.g. `FLOW_CREATE`. */
  declare readonly taskType: pulumi.Output<string | undefined>;
  /** API 3.0 only: the Redis instance of the task. */
  declare readonly instanceId: pulumi.Output<string | undefined>;
  /** API 3.0 only: when the task started, as the API reports it. */
  declare readonly startTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: TaskWaitArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      taskWaitProviderStub,
      name,
      {
        requestId: args.requestId,
        region: args.region,
        endpoint: args.endpoint,
        apiVersion: args.apiVersion,
        // The host never delivers custom timeouts to a dynamic provider, so the wait carries its own.
        timeout: args.timeout ?? opts?.customTimeouts?.create,
        minPollInterval: args.minPollInterval,
        maxPollInterval: args.maxPollInterval,
        // The provider is never told the resource's name; progress lines need it.
        displayName: name,
        // Nor whether a value was secret (the host unwraps secrets): it must not show a secret ID.
        requestIdIsSecret: pulumi.isSecret(pulumi.output(args.requestId)),
        status: undefined,
        statusText: undefined,
        completedAt: undefined,
        waitedSeconds: undefined,
        polls: undefined,
        taskType: undefined,
        instanceId: undefined,
        startTime: undefined,
      },
      opts,
      TASK_WAIT_MODULE,
      TASK_WAIT_NAME,
    );
  }
}
