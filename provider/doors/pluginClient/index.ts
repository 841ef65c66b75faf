/**
 * `pulumi-tencentcloud-redis-task/plugin`: the provider plugin's resources for Node.js programs,
 * what the generated Python and Go SDKs (`sdk/`) offer their languages. The engine runs the
 * plugin; see the README for `plugins: providers:` in `Pulumi.yaml`.
 */
export { TaskWait } from "./taskWait";
export { getTaskInfo, getTaskInfoOutput, getInstanceTasks, getInstanceTasksOutput } from "./getTaskInfo";
export { InstanceIdle } from "./instanceIdle";
export type { InstanceIdleArgs } from "../dynamic/instanceIdle";
export type { GetInstanceTasksArgs, GetInstanceTasksResult } from "../../resources/instanceTasks";
export type { GetInstanceTasksOutputArgs } from "../dynamic/getInstanceTasks";
export { Provider, type ProviderArgs } from "./provider";
export type { TaskWaitArgs } from "../dynamic/taskWait";
export type { GetTaskInfoArgs, GetTaskInfoResult } from "../../resources/taskInfo";
export type { GetTaskInfoOutputArgs } from "../dynamic/getTaskInfo";
export { TASK_WAIT_TOKEN, GET_TASK_INFO_TOKEN, INSTANCE_IDLE_TOKEN, GET_INSTANCE_TASKS_TOKEN } from "../plugin/tokens";
