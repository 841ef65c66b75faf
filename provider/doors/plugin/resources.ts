/** The plugin's resources and functions: each a core behind the plugin door, by type token. Adding one is a line here. */
import { instanceIdleCore } from "../../resources/instanceIdle/core";
import { INSTANCE_IDLE_API_VERSION } from "../../resources/instanceIdle/types";
import { queryInstanceTasks, type GetInstanceTasksArgs } from "../../resources/instanceTasks";
import { taskWaitCore } from "../../resources/taskWait/core";
import { queryTaskInfo, type GetTaskInfoArgs } from "../../resources/taskInfo";
import { pluginDoor, type PluginResource } from "./resourceDoor";
import { GET_INSTANCE_TASKS_TOKEN, GET_TASK_INFO_TOKEN, INSTANCE_IDLE_TOKEN, TASK_WAIT_TOKEN } from "./tokens";
import type { ConfigLookup, SettingSources } from "../../api/settings";

/** The resources the plugin serves. */
export const PLUGIN_RESOURCES: Record<string, PluginResource> = {
  [TASK_WAIT_TOKEN]: pluginDoor(TASK_WAIT_TOKEN, taskWaitCore, "v2"),
  [INSTANCE_IDLE_TOKEN]: pluginDoor(INSTANCE_IDLE_TOKEN, instanceIdleCore, INSTANCE_IDLE_API_VERSION),
};

/**
 * A function the plugin serves: plain args, the provider's configuration and the names of the
 * arguments that were secret in, a plain result out.
 */
export type PluginFunction = (args: Record<string, unknown>, config: ConfigLookup | undefined, sources: SettingSources, secrets: ReadonlySet<string>) => Promise<object>;

/** The functions the plugin serves. */
export const PLUGIN_FUNCTIONS: Record<string, PluginFunction> = {
  [GET_TASK_INFO_TOKEN]: (args, config, sources, secrets) => queryTaskInfo(args as unknown as GetTaskInfoArgs, config, sources, secrets.has("requestId")),
  [GET_INSTANCE_TASKS_TOKEN]: (args, config, sources) => queryInstanceTasks(args as unknown as GetInstanceTasksArgs, config, sources),
};
