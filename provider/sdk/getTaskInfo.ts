/** The plugin's getTaskInfo for Node.js programs: an invoke the provider plugin serves. */
import * as pulumi from "@pulumi/pulumi";
import type { GetTaskInfoArgs, GetTaskInfoResult } from "../pulumi/taskInfo";
import type { GetTaskInfoOutputArgs } from "../pulumi/getTaskInfo";
import { pluginOptions } from "./pluginOptions";
import { GET_TASK_INFO_TOKEN } from "../plugin/tokens";

/** Reads a Redis task's state once, through the provider plugin (its configuration and credentials). */
export function getTaskInfo(args: GetTaskInfoArgs, opts: pulumi.InvokeOptions = {}): Promise<GetTaskInfoResult> {
  return pulumi.runtime.invoke(GET_TASK_INFO_TOKEN, { ...args }, { ...pluginOptions(), ...opts });
}

/**
 * {@link getTaskInfo} taking Inputs and returning an Output; a secret `requestId` keeps the result
 * secret and stays out of the plugin's errors. The Node SDK sends an invoke's arguments without
 * their secret wrappers, so the plugin is told as the dynamic TaskWait tells its provider, with
 * `requestIdIsSecret`.
 */
export function getTaskInfoOutput(args: GetTaskInfoOutputArgs, opts: pulumi.InvokeOutputOptions = {}): pulumi.Output<GetTaskInfoResult> {
  const requestIdIsSecret = pulumi.output(pulumi.isSecret(pulumi.output(args.requestId)));
  return pulumi.runtime.invokeOutput<GetTaskInfoResult>(GET_TASK_INFO_TOKEN, { ...args, requestIdIsSecret }, { ...pluginOptions(), ...opts });
}
