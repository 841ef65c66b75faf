/**
 * Checks instance objects from scenario files, `addInstance` and the control route. Errors are
 * {@link InputError}s naming the exact field (`instances[0].fail.taskMessage`), as for tasks.
 */
import { InputError } from "../api/errors";
import type { EmulatorInstance, InstanceAction } from "./types";
import { isObject, rejectUnknownFields } from "./validate";

/** The calls that start a task, each with the `TaskType` its task reports. */
export const INSTANCE_ACTIONS: Readonly<Record<InstanceAction, string>> = {
  ManualBackupInstance: "FLOW_BACKUPINSTANCE",
  ClearInstance: "FLOW_CLEAN",
  ModifyInstanceParams: "FLOW_MODIFYINSTANCEPARAMS",
  ResetPassword: "FLOW_SETPWD",
};

const instanceFields = ["instanceId", "taskMs", "held", "fail"];
const failFields = ["taskMessage", "actions"];
const actionNames = Object.keys(INSTANCE_ACTIONS);

function validateFail(value: unknown, field: string): EmulatorInstance["fail"] {
  if (!isObject(value)) throw new InputError(field, `${field} must be an object like {"taskMessage": "…", "actions"?: ["ManualBackupInstance"]}; got ${JSON.stringify(value)}`);
  rejectUnknownFields(value, failFields, field);
  if (typeof value.taskMessage !== "string" || value.taskMessage === "") {
    throw new InputError(`${field}.taskMessage`, `${field}.taskMessage must be a non-empty string (the failed task's TaskMessage); got ${JSON.stringify(value.taskMessage)}`);
  }
  if (value.actions === undefined) return { taskMessage: value.taskMessage };
  const actions = value.actions;
  if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => actionNames.includes(a as string))) {
    throw new InputError(`${field}.actions`, `${field}.actions must be a non-empty array of ${actionNames.map((a) => `"${a}"`).join(", ")}; got ${JSON.stringify(actions)}`);
  }
  return { taskMessage: value.taskMessage, actions: actions as InstanceAction[] };
}

/** Validates one instance object and returns a clean copy; `field` prefixes the names in errors. */
export function validateInstance(value: unknown, field = "instance"): EmulatorInstance {
  if (!isObject(value)) throw new InputError(field, `${field} must be an object like {"instanceId": "crs-abcd1234"}; got ${JSON.stringify(value)}`);
  rejectUnknownFields(value, instanceFields, field);
  if (typeof value.instanceId !== "string" || !/^[A-Za-z0-9-]{1,64}$/.test(value.instanceId)) {
    throw new InputError(`${field}.instanceId`, `${field}.instanceId must be an instance ID such as "crs-abcd1234" (letters, digits, -); got ${JSON.stringify(value.instanceId)}`);
  }
  const { taskMs, held } = value;
  if (taskMs !== undefined && (typeof taskMs !== "number" || !Number.isFinite(taskMs) || taskMs < 0)) {
    throw new InputError(`${field}.taskMs`, `${field}.taskMs must be a non-negative number of milliseconds; got ${JSON.stringify(taskMs)}`);
  }
  if (held !== undefined && typeof held !== "boolean") {
    throw new InputError(`${field}.held`, `${field}.held must be true or false; got ${JSON.stringify(held)}`);
  }
  return {
    instanceId: value.instanceId,
    ...(taskMs === undefined ? {} : { taskMs }),
    ...(held === true ? { held: true } : {}),
    ...(value.fail === undefined ? {} : { fail: validateFail(value.fail, `${field}.fail`) }),
  };
}
