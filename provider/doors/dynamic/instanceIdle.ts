/** The `InstanceIdle` resource: a deployment gate that exists once a Redis instance has no task running. */
import * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../../api/types";
import type { TaskTypeName } from "../../api/taskTypes";
import type { FailOn, WaitedTask } from "../../waiter/instanceIdle";
import { instanceIdleProviderStub } from "./providerStub";
import { INSTANCE_IDLE_MODULE, INSTANCE_IDLE_NAME } from "../../resources/instanceIdle/types";

/** The arguments of an {@link InstanceIdle}. */
export interface InstanceIdleArgs {
  /** The Redis instance, as the console shows it: `crs-` and 8 lower-case letters or digits. */
  instanceId: pulumi.Input<string>;
  /** Only tasks of these types count, e.g. `["FLOW_RESIZE"]`; default every type. */
  taskTypes?: pulumi.Input<pulumi.Input<TaskTypeName>[]>;
  /** `"failedSinceStart"`: a task of the instance that ends failed during the wait fails the deployment; default `"none"`. */
  failOn?: pulumi.Input<FailOn>;
  /** How long to wait, e.g. `"45m"`; default `customTimeouts.create`, else 30 minutes. Past it the gate is recorded not ready and the next `up` resumes. */
  timeout?: pulumi.Input<string | number>;
  /** The first and smallest interval between listings (default 2 s). */
  minPollInterval?: pulumi.Input<string | number>;
  /** The largest interval between listings (default 30 s). */
  maxPollInterval?: pulumi.Input<string | number>;
  /** Region of the instance; default stack config `tencentcloud:region`, then `TENCENTCLOUD_REGION`. */
  region?: pulumi.Input<string>;
  /** Base URL instead of the public API; default `TENCENTCLOUD_REDIS_ENDPOINT`. */
  endpoint?: pulumi.Input<string>;
  /** `"v3"` (default): DescribeTaskList exists in API 3.0 only; `"v2"` is refused, saying why. */
  apiVersion?: pulumi.Input<ApiVersion>;
}

/**
 * Waits until a Tencent Cloud Redis instance has no task initialising or running (of `taskTypes`),
 * whoever started them: the `tencentcloud` provider, the console, scripts, backups, maintenance.
 * Resources that `dependsOn` it are created only then. With `failOn: "failedSinceStart"` a task
 * that fails during the wait fails the deployment, naming the task, its type and the instance.
 *
 * @example
 * const idle = new InstanceIdle("redis-idle", { instanceId: redis.id, failOn: "failedSinceStart" });
 * new SomeResource("after", {...}, { dependsOn: [idle] });
 */
export class InstanceIdle extends pulumi.dynamic.Resource {
  /** The instance. */
  declare readonly instanceId: pulumi.Output<string>;
  /** True once the wait saw the instance idle. */
  declare readonly idle: pulumi.Output<boolean>;
  /** The tasks it waited for: `taskId`, `taskType`, `result` (2 succeeded, 4 failed), `startTime`, `endTime`. */
  declare readonly tasks: pulumi.Output<WaitedTask[]>;
  /** DescribeTaskList calls made, over all resumed waits. */
  declare readonly polls: pulumi.Output<number>;
  /** Seconds spent waiting, over all resumed waits. */
  declare readonly waitedSeconds: pulumi.Output<number>;
  /** The region that was queried. */
  declare readonly region: pulumi.Output<string>;
  /** The API version used (`v3`). */
  declare readonly apiVersion: pulumi.Output<ApiVersion>;
  /** ISO time at which the wait saw the instance idle. */
  declare readonly completedAt: pulumi.Output<string>;

  constructor(name: string, args: InstanceIdleArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      instanceIdleProviderStub,
      name,
      {
        instanceId: args.instanceId,
        taskTypes: args.taskTypes,
        failOn: args.failOn,
        region: args.region,
        endpoint: args.endpoint,
        apiVersion: args.apiVersion,
        // The host never delivers custom timeouts to a dynamic provider, so the wait carries its own.
        timeout: args.timeout ?? opts?.customTimeouts?.create,
        minPollInterval: args.minPollInterval,
        maxPollInterval: args.maxPollInterval,
        // The provider is never told the resource's name; progress lines need it.
        displayName: name,
        idle: undefined,
        tasks: undefined,
        polls: undefined,
        waitedSeconds: undefined,
        completedAt: undefined,
      },
      opts,
      INSTANCE_IDLE_MODULE,
      INSTANCE_IDLE_NAME,
    );
  }
}
