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
export { parseDuration, formatDuration } from "./input/duration";
export { startEmulator, loadScenario, DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY } from "./emulator";
export type { EmulatorOptions, EmulatorTask, EmulatorFaults, RunningEmulator } from "./emulator";

// The Pulumi surface: loaded on first use (see the file comment).
import type * as TaskWaitModule from "./pulumi/taskWait";
import type * as GetTaskInfoModule from "./pulumi/getTaskInfo";
export type { TaskWaitArgs } from "./pulumi/taskWait";
export type { GetTaskInfoArgs, GetTaskInfoOutputArgs, GetTaskInfoResult } from "./pulumi/getTaskInfo";
export { TASK_WAIT_TYPE } from "./pulumi/taskWaitTypes";
export type { InstanceIdleHookOptions, RetryOnInstanceBusyOptions } from "./hooks/hookOptions";
export { INSTANCE_BUSY_CODES, instanceBusyCode } from "./hooks/busyCodes";
export type { InstanceBusyCode } from "./hooks/busyCodes";
export { InstanceBusyError } from "./hooks/idleGate";
import type * as HooksModule from "./hooks/pulumiHooks";
export type { TaskWaitOutputs } from "./pulumi/taskWaitTypes";

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
lazyExport("TaskWait", () => require("./pulumi/taskWait").TaskWait);
lazyExport("getTaskInfo", () => require("./pulumi/getTaskInfo").getTaskInfo);
lazyExport("getTaskInfoOutput", () => require("./pulumi/getTaskInfo").getTaskInfoOutput);
lazyExport("instanceIdleHook", () => require("./hooks/pulumiHooks").instanceIdleHook);
lazyExport("retryOnInstanceBusy", () => require("./hooks/pulumiHooks").retryOnInstanceBusy);

// ES modules (`import { TaskWait } from "pulumi-tencentcloud-redis-task"`) learn a CommonJS module's
// names by scanning its text (Node's cjs-module-lexer), which cannot see the getters above. This
// assignment, never run, names them the way the lexer reads (`name: identifier`), as esbuild does.
const named = undefined;
0 && (module.exports = { TaskWait: named, getTaskInfo: named, getTaskInfoOutput: named, instanceIdleHook: named, retryOnInstanceBusy: named });

/**
 * The TaskWait provider implementation that the serialized stub in state calls by package name.
 * @internal Not for direct use; exported so the stub keeps working across versions.
 */
export { taskWaitProvider } from "./pulumi/taskWaitProvider";
