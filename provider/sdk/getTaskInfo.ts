/** The plugin's getTaskInfo for Node.js programs: an invoke the provider plugin serves. */
import * as pulumi from "@pulumi/pulumi";
import type { GetTaskInfoArgs, GetTaskInfoResult } from "../pulumi/taskInfo";
import type { GetTaskInfoOutputArgs } from "../pulumi/getTaskInfo";
import { pluginSchema } from "../plugin/schema";
import { GET_TASK_INFO_TOKEN } from "../plugin/tokens";

/** Reads a Redis task's state once, through the provider plugin (its configuration and credentials). */
export function getTaskInfo(args: GetTaskInfoArgs, opts: pulumi.InvokeOptions = {}): Promise<GetTaskInfoResult> {
  return pulumi.runtime.invoke(GET_TASK_INFO_TOKEN, { ...args }, { version: pluginSchema().version, ...opts });
}

/**
 * {@link getTaskInfo} taking Inputs and returning an Output. The Inputs reach the plugin as they
 * are, so a secret `requestId` arrives secret: its result stays secret and its errors show no ID.
 */
export function getTaskInfoOutput(args: GetTaskInfoOutputArgs, opts: pulumi.InvokeOutputOptions = {}): pulumi.Output<GetTaskInfoResult> {
  return pulumi.runtime.invokeOutput<GetTaskInfoResult>(GET_TASK_INFO_TOKEN, { ...args }, { version: pluginSchema().version, ...opts });
}
