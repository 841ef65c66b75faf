/** The plugin's functions for Node.js programs (getTaskInfo, getInstanceTasks): invokes the provider plugin serves. */
import * as pulumi from "@pulumi/pulumi";
import type { GetTaskInfoArgs, GetTaskInfoResult } from "../pulumi/taskInfo";
import type { GetTaskInfoOutputArgs } from "../pulumi/getTaskInfo";
import { GET_INSTANCE_TASKS_TOKEN, GET_TASK_INFO_TOKEN } from "../plugin/tokens";
import type { GetInstanceTasksArgs, GetInstanceTasksResult } from "../resources/instanceTasks";
import type { GetInstanceTasksOutputArgs } from "../pulumi/getInstanceTasks";
import { pinned } from "./schemaInputs";

/** Reads a Redis task's state once, through the provider plugin (its configuration and credentials). */
export function getTaskInfo(args: GetTaskInfoArgs, opts: pulumi.InvokeOptions = {}): Promise<GetTaskInfoResult> {
  return pulumi.runtime.invoke(GET_TASK_INFO_TOKEN, { ...args }, pinned(opts));
}

/** {@link getTaskInfo} taking Inputs and returning an Output. */
export function getTaskInfoOutput(args: GetTaskInfoOutputArgs, opts?: pulumi.InvokeOptions): pulumi.Output<GetTaskInfoResult> {
  return pulumi.output(args).apply((resolved) => getTaskInfo(resolved as GetTaskInfoArgs, opts));
}

/** Lists a Redis instance's tasks (every page), through the provider plugin. */
export function getInstanceTasks(args: GetInstanceTasksArgs, opts: pulumi.InvokeOptions = {}): Promise<GetInstanceTasksResult> {
  return pulumi.runtime.invoke(GET_INSTANCE_TASKS_TOKEN, { ...args }, pinned(opts));
}

/** {@link getInstanceTasks} taking Inputs and returning an Output. */
export function getInstanceTasksOutput(args: GetInstanceTasksOutputArgs, opts?: pulumi.InvokeOptions): pulumi.Output<GetInstanceTasksResult> {
  return pulumi.output(args).apply((resolved) => getInstanceTasks(resolved as GetInstanceTasksArgs, opts));
}
