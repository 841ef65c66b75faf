/** The provider plugin's names, kept apart so the policies and SDK can use them without loading the plugin. */

/** The plugin's package name: the first part of its type tokens, its config namespace and its executable's suffix. */
export const PLUGIN_PACKAGE = "tencentcloud-redis-task";

/** The type token of the plugin's TaskWait. */
export const TASK_WAIT_TOKEN = `${PLUGIN_PACKAGE}:index:TaskWait`;

/** The token of the plugin's getTaskInfo function. */
export const GET_TASK_INFO_TOKEN = `${PLUGIN_PACKAGE}:index:getTaskInfo`;

/** The type token of the plugin's InstanceIdle. */
export const INSTANCE_IDLE_TOKEN = `${PLUGIN_PACKAGE}:index:InstanceIdle`;

/** The token of the plugin's getInstanceTasks function. */
export const GET_INSTANCE_TASKS_TOKEN = `${PLUGIN_PACKAGE}:index:getInstanceTasks`;
