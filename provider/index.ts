/**
 * pulumi-tencentcloud-redis-task: gate Pulumi deployments on Tencent Cloud Redis asynchronous
 * tasks. The client, waiter and emulator load eagerly (they are small); the Pulumi surface
 * loads `@pulumi/pulumi` only when first used, so the provider host and the CLI start fast.
 */
export { TaskStatus, statusText, isTerminalStatus, isFailureStatus, statusFromV3 } from "./api/status";
export type { TaskStatusCode, TaskStatusText } from "./api/status";
export type { ApiVersion, TaskRecord, ClientSettings, SignatureMethod, Transport, HttpRequest, HttpResponse } from "./api/types";
export { TaskApiError, InputError } from "./api/errors";
export type { TaskApiErrorKind, TaskApiErrorDetails } from "./api/errors";
export { describeTaskInfo } from "./api/describeTaskInfo";
export type { CallOptions } from "./api/describeTaskInfo";
export { resolveClientSettings, SETTING_SOURCES, DEFAULT_REQUEST_TIMEOUT_MS } from "./api/settings";
export type { SettingsInput, ConfigLookup } from "./api/settings";
export { signV2, v2StringToSign, canonicalV2Query } from "./api/signV2";
export { signTc3 } from "./api/signV3";
export type { Tc3Input, Tc3Signature } from "./api/signV3";
export { V2_ENDPOINT } from "./api/protocolV2";
export { V3_ENDPOINT, V3_VERSION } from "./api/protocolV3";
export { describeTaskListPage, listAllTasks, TASK_LIST_V2_UNSUPPORTED } from "./api/describeTaskList";
export { TaskResult, resultText, isActiveResult, MAX_PAGE_SIZE } from "./api/taskList";
export type { InstanceTask, TaskList, TaskListPage, TaskListQuery, TaskResultCode, TaskResultText, PageRequest } from "./api/taskList";
export { TASK_TYPE_CODES, TASK_TYPE_NAMES, taskTypeName, taskTypeCode, isTaskTypeName } from "./api/taskTypes";
export type { TaskTypeName } from "./api/taskTypes";
export { waitForInstanceIdle } from "./waiter/instanceIdle";
export type { FailOn, WaitedTask, InstanceIdleOptions, InstanceIdleResult, InstanceIdleProgress } from "./waiter/instanceIdle";
export { parseDuration, formatDuration } from "./input/duration";
export { startEmulator, loadScenario, loadScenarioDocument, DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY } from "./emulator";
export type { EmulatorOptions, EmulatorTask, EmulatorInstance, EmulatorInstanceTask, EmulatorScenario, EmulatorFaults, RunningEmulator } from "./emulator";

// The Pulumi surface: loaded on first use (see the file comment).
import type * as TaskWaitModule from "./doors/dynamic/taskWait";
import type * as GetTaskInfoModule from "./doors/dynamic/getTaskInfo";
import type * as InstanceIdleModule from "./doors/dynamic/instanceIdle";
import type * as GetInstanceTasksModule from "./doors/dynamic/getInstanceTasks";
export type { InstanceIdleArgs } from "./doors/dynamic/instanceIdle";
export type { GetInstanceTasksArgs, GetInstanceTasksOutputArgs, GetInstanceTasksResult, InstanceTaskInfo } from "./doors/dynamic/getInstanceTasks";
export { INSTANCE_IDLE_TYPE } from "./resources/instanceIdle/types";
export type { InstanceIdleOutputs } from "./resources/instanceIdle/types";
export type { TaskWaitArgs } from "./doors/dynamic/taskWait";
export type { GetTaskInfoArgs, GetTaskInfoOutputArgs, GetTaskInfoResult } from "./doors/dynamic/getTaskInfo";
export { TASK_WAIT_TYPE } from "./resources/taskWait/types";
export type { TaskWaitOutputs } from "./resources/taskWait/types";
export type { InstanceIdleHookOptions, RetryOnInstanceBusyOptions } from "./hooks/hookOptions";
export { INSTANCE_BUSY_CODES, instanceBusyCode } from "./hooks/busyCodes";
export type { InstanceBusyCode } from "./hooks/busyCodes";
export { InstanceBusyError } from "./hooks/idleGate";
import type * as HooksModule from "./hooks/pulumiHooks";

/** {@inheritDoc TaskWaitModule.TaskWait} */
export declare const TaskWait: typeof TaskWaitModule.TaskWait;
export type TaskWait = TaskWaitModule.TaskWait;
/** {@inheritDoc GetTaskInfoModule.getTaskInfo} */
export declare const getTaskInfo: typeof GetTaskInfoModule.getTaskInfo;
/** {@inheritDoc GetTaskInfoModule.getTaskInfoOutput} */
export declare const getTaskInfoOutput: typeof GetTaskInfoModule.getTaskInfoOutput;
/** {@inheritDoc HooksModule.instanceIdleHook} */
export declare const instanceIdleHook: typeof HooksModule.instanceIdleHook;
/** {@inheritDoc HooksModule.retryOnInstanceBusy} */
export declare const retryOnInstanceBusy: typeof HooksModule.retryOnInstanceBusy;

function lazyExport(name: string, load: () => unknown): void {
  Object.defineProperty(exports, name, { enumerable: true, configurable: true, get: load });
}
/** {@inheritDoc InstanceIdleModule.InstanceIdle} */
export declare const InstanceIdle: typeof InstanceIdleModule.InstanceIdle;
export type InstanceIdle = InstanceIdleModule.InstanceIdle;
/** {@inheritDoc GetInstanceTasksModule.getInstanceTasks} */
export declare const getInstanceTasks: typeof GetInstanceTasksModule.getInstanceTasks;
/** {@inheritDoc GetInstanceTasksModule.getInstanceTasksOutput} */
export declare const getInstanceTasksOutput: typeof GetInstanceTasksModule.getInstanceTasksOutput;

lazyExport("TaskWait", () => require("./doors/dynamic/taskWait").TaskWait);
lazyExport("InstanceIdle", () => require("./doors/dynamic/instanceIdle").InstanceIdle);
lazyExport("getInstanceTasks", () => require("./doors/dynamic/getInstanceTasks").getInstanceTasks);
lazyExport("getInstanceTasksOutput", () => require("./doors/dynamic/getInstanceTasks").getInstanceTasksOutput);
lazyExport("getTaskInfo", () => require("./doors/dynamic/getTaskInfo").getTaskInfo);
lazyExport("getTaskInfoOutput", () => require("./doors/dynamic/getTaskInfo").getTaskInfoOutput);
lazyExport("instanceIdleHook", () => require("./hooks/pulumiHooks").instanceIdleHook);
lazyExport("retryOnInstanceBusy", () => require("./hooks/pulumiHooks").retryOnInstanceBusy);

// ES modules (`import { TaskWait } from "pulumi-tencentcloud-redis-task"`) learn a CommonJS module's
// names by scanning its text (Node's cjs-module-lexer), which cannot see the getters above. This
// assignment, never run, names them the way the lexer reads (`name: identifier`), as esbuild does.
const named = undefined;
0 && (module.exports = { TaskWait: named, getTaskInfo: named, getTaskInfoOutput: named, InstanceIdle: named, getInstanceTasks: named, getInstanceTasksOutput: named, instanceIdleHook: named, retryOnInstanceBusy: named });

/**
 * The providers that the serialized stubs in state call by package name: each core behind the
 * dynamic door.
 * @internal Not for direct use; exported so the stubs keep working across versions.
 */
export { taskWaitProvider, instanceIdleProvider } from "./doors/dynamic/providers";
