/**
 * The data source of an instance's tasks, read into a stack. Runs in the program (a dynamic
 * provider cannot serve invokes), during preview too, and never waits.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../../api/types";
import { queryInstanceTasks, type GetInstanceTasksArgs, type GetInstanceTasksResult } from "../../resources/instanceTasks";

export type { GetInstanceTasksArgs, GetInstanceTasksResult, InstanceTaskInfo } from "../../resources/instanceTasks";

/** {@link GetInstanceTasksArgs} with Inputs, for {@link getInstanceTasksOutput}. */
export interface GetInstanceTasksOutputArgs {
  instanceId: pulumi.Input<string>;
  taskTypes?: pulumi.Input<pulumi.Input<string>[]>;
  results?: pulumi.Input<pulumi.Input<number>[]>;
  beginTime?: pulumi.Input<string>;
  endTime?: pulumi.Input<string>;
  region?: pulumi.Input<string>;
  endpoint?: pulumi.Input<string>;
  apiVersion?: pulumi.Input<ApiVersion>;
}

/**
 * Lists a Redis instance's tasks with DescribeTaskList (API 3.0), every page. Credentials come
 * from stack config (`tencentcloud:*`) or the environment.
 */
export async function getInstanceTasks(args: GetInstanceTasksArgs, _opts?: pulumi.InvokeOptions): Promise<GetInstanceTasksResult> {
  return queryInstanceTasks(args, (key) => pulumi.runtime.getConfig(key));
}

/** {@link getInstanceTasks} taking Inputs and returning an Output. */
export function getInstanceTasksOutput(args: GetInstanceTasksOutputArgs, opts?: pulumi.InvokeOptions): pulumi.Output<GetInstanceTasksResult> {
  return pulumi.output(args).apply((resolved) => getInstanceTasks(resolved as GetInstanceTasksArgs, opts));
}
