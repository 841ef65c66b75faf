/** The plugin's functions for Node.js programs (getTaskInfo, getInstanceTasks): invokes the provider plugin serves. */
import * as pulumi from "@pulumi/pulumi";
import type { GetTaskInfoArgs, GetTaskInfoResult } from "../../resources/taskInfo";
import type { GetTaskInfoOutputArgs } from "../dynamic/getTaskInfo";
import { GET_INSTANCE_TASKS_TOKEN, GET_TASK_INFO_TOKEN } from "../plugin/tokens";
import type { GetInstanceTasksArgs, GetInstanceTasksResult } from "../../resources/instanceTasks";
import type { GetInstanceTasksOutputArgs } from "../dynamic/getInstanceTasks";
import { pinned } from "./schemaInputs";

/** Reads a Redis task's state once, through the provider plugin (its configuration and credentials). */
export function getTaskInfo(args: GetTaskInfoArgs, opts: pulumi.InvokeOptions = {}): Promise<GetTaskInfoResult> {
  return pulumi.runtime.invoke(GET_TASK_INFO_TOKEN, { ...args }, pinned(opts));
}

/**
 * {@link getTaskInfo} taking Inputs and returning an Output; a secret `requestId` keeps the result
 * secret and stays out of the plugin's errors. The Node SDK sends an invoke's arguments without
 * their secret wrappers, so the plugin is told as the dynamic TaskWait tells its provider, with
 * `requestIdIsSecret`.
 */
export function getTaskInfoOutput(args: GetTaskInfoOutputArgs, opts: pulumi.InvokeOutputOptions = {}): pulumi.Output<GetTaskInfoResult> {
  const requestIdIsSecret = pulumi.output(pulumi.isSecret(pulumi.output(args.requestId)));
  return pulumi.runtime.invokeOutput<GetTaskInfoResult>(GET_TASK_INFO_TOKEN, { ...args, requestIdIsSecret }, pinned(opts));
}

/** Lists a Redis instance's tasks (every page), through the provider plugin. */
export function getInstanceTasks(args: GetInstanceTasksArgs, opts: pulumi.InvokeOptions = {}): Promise<GetInstanceTasksResult> {
  return pulumi.runtime.invoke(GET_INSTANCE_TASKS_TOKEN, { ...args }, pinned(opts));
}

/** {@link getInstanceTasks} taking Inputs and returning an Output. */
export function getInstanceTasksOutput(args: GetInstanceTasksOutputArgs, opts?: pulumi.InvokeOptions): pulumi.Output<GetInstanceTasksResult> {
  return pulumi.output(args).apply((resolved) => getInstanceTasks(resolved as GetInstanceTasksArgs, opts));
}
