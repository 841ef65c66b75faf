/**
 * The data source: a task's current state read into a stack. Runs in the program (a dynamic
 * provider cannot serve invokes), during preview too, and never waits.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ApiVersion } from "../../api/types";
import { queryTaskInfo, type GetTaskInfoArgs, type GetTaskInfoResult } from "../../resources/taskInfo";

export type { GetTaskInfoArgs, GetTaskInfoResult } from "../../resources/taskInfo";

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
  return query(args, false);
}

/** The query with the program's stack config; `secret`: the requestId stays out of errors. */
function query(args: GetTaskInfoArgs, secret: boolean): Promise<GetTaskInfoResult> {
  // runtime.getConfig reads secrets without the "use getSecret" warning Config.get would log.
  return queryTaskInfo(args, (key) => pulumi.runtime.getConfig(key), undefined, secret);
}

/**
 * {@link getTaskInfo} taking Inputs and returning an Output, the Pulumi `getXOutput` convention.
 * A secret `requestId` keeps the result secret and stays out of error messages.
 */
export function getTaskInfoOutput(args: GetTaskInfoOutputArgs, _opts?: pulumi.InvokeOptions): pulumi.Output<GetTaskInfoResult> {
  const secret = pulumi.isSecret(pulumi.output(args.requestId));
  return pulumi.output(args).apply(async (resolved) => query(resolved as GetTaskInfoArgs, await secret));
}
