/**
 * The data source: a task's current state read into a stack. Runs in the program (a dynamic
 * provider cannot serve invokes), during preview too, and never waits.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../api/types";
import { queryTaskInfo, type GetTaskInfoArgs, type GetTaskInfoResult } from "./taskInfo";

export type { GetTaskInfoArgs, GetTaskInfoResult } from "./taskInfo";

/** {@link GetTaskInfoArgs} with Inputs, for {@link getTaskInfoOutput}. */
export interface GetTaskInfoOutputArgs {
  requestId: pulumi.Input<number | string>;
  region?: pulumi.Input<string>;
  endpoint?: pulumi.Input<string>;
  apiVersion?: pulumi.Input<ApiVersion>;
}

/**
 * Reads a Redis task's state once with DescribeTaskInfo. Credentials come from stack config
 * (`tencentcloud:*`) or the environment.
 */
export async function getTaskInfo(args: GetTaskInfoArgs, _opts?: pulumi.InvokeOptions): Promise<GetTaskInfoResult> {
  // runtime.getConfig reads secrets without the "use getSecret" warning Config.get would log.
  return queryTaskInfo(args, (key) => pulumi.runtime.getConfig(key));
}

/** {@link getTaskInfo} taking Inputs and returning an Output, the Pulumi `getXOutput` convention. */
export function getTaskInfoOutput(args: GetTaskInfoOutputArgs, opts?: pulumi.InvokeOptions): pulumi.Output<GetTaskInfoResult> {
  return pulumi.output(args).apply((resolved) => getTaskInfo(resolved as GetTaskInfoArgs, opts));
}
