/** The plugin's `InstanceIdle` for Node.js programs: what the generated SDKs offer other languages. */
import * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../../api/types";
import type { InstanceIdleArgs } from "../dynamic/instanceIdle";
import type { WaitedTask } from "../../waiter/instanceIdle";
import { INSTANCE_IDLE_TOKEN } from "../plugin/tokens";
import { pinned, schemaInputs } from "./schemaInputs";

/**
 * Waits until a Tencent Cloud Redis instance has no task running, served by the
 * `tencentcloud-redis-task` provider plugin: the same gate as the dynamic `InstanceIdle`, plus
 * preview (its computed outputs are unknown until the update) and Ctrl-C.
 */
export class InstanceIdle extends pulumi.CustomResource {
  /** The type token, `tencentcloud-redis-task:index:InstanceIdle`. */
  static readonly __pulumiType = INSTANCE_IDLE_TOKEN;

  /** True when `obj` is an InstanceIdle of this plugin. */
  static isInstance(obj: unknown): obj is InstanceIdle {
    return pulumi.CustomResource.isInstance(obj) && (obj as { __pulumiType?: string }).__pulumiType === InstanceIdle.__pulumiType;
  }

  /** The instance. */
  declare readonly instanceId: pulumi.Output<string>;
  /** True once the wait saw the instance idle. */
  declare readonly idle: pulumi.Output<boolean>;
  /** The tasks it waited for. */
  declare readonly tasks: pulumi.Output<WaitedTask[]>;
  /** DescribeTaskList calls made, over all resumed waits. */
  declare readonly polls: pulumi.Output<number>;
  /** Seconds spent waiting, over all resumed waits. */
  declare readonly waitedSeconds: pulumi.Output<number>;
  /** The region that was queried. */
  declare readonly region: pulumi.Output<string>;
  /** The API version used (`v3`). */
  declare readonly apiVersion: pulumi.Output<ApiVersion>;

  constructor(name: string, args: InstanceIdleArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(InstanceIdle.__pulumiType, name, schemaInputs(INSTANCE_IDLE_TOKEN, args), pinned(opts));
  }
}
