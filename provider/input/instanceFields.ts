/**
 * Validation of the fields that name an instance and its tasks (InstanceIdle, getInstanceTasks,
 * the policy, the CLI); each failure is an {@link InputError} naming the field and the expected form.
 */
import { InputError } from "../api/errors";
import { TASK_RESULT_CODES, isTaskResultCode, type TaskResultCode } from "../api/taskList";
import { TASK_TYPE_NAMES, isTaskTypeName, type TaskTypeName } from "../api/taskTypes";
import { FAIL_ON_VALUES, type FailOn } from "../waiter/instanceIdle";
import { showValue } from "./showValue";

/** The form the console shows a Redis instance ID in: `crs-` and 8 lower-case letters or digits. */
export const INSTANCE_ID_PATTERN = /^crs-[a-z0-9]{8}$/;

/** A Redis instance ID such as `crs-5a4py64p`. */
export function parseInstanceId(value: unknown, field = "instanceId"): string {
  if (typeof value === "string" && INSTANCE_ID_PATTERN.test(value)) return value;
  const got = value === undefined || value === null || value === "" ? "it is missing" : `got ${showValue(value)}`;
  throw new InputError(field, `${field} must be a Redis instance ID as the console shows it, "crs-" and 8 lower-case letters or digits such as "crs-5a4py64p"; ${got}`);
}

/** A list of task type names (`FLOW_RESIZE` …); undefined or empty: every type. Names an unknown one and lists the valid names. */
export function parseTaskTypes(value: unknown, field = "taskTypes"): TaskTypeName[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = typeof value === "string" ? value.split(",").map((item) => item.trim()).filter(Boolean) : value;
  if (!Array.isArray(items)) throw new InputError(field, `${field} must be a list of task type names such as ["FLOW_RESIZE"]; got ${showValue(value)}`);
  items.forEach((item, i) => {
    if (!isTaskTypeName(item)) {
      throw new InputError(field, `${field}[${i}] ${showValue(item)} is not a Redis task type; valid names: ${TASK_TYPE_NAMES.join(", ")}`);
    }
  });
  return items.length === 0 ? undefined : (items as TaskTypeName[]);
}

/** A list of `Result` codes (0, 1, 2, 4). */
export function parseResults(value: unknown, field = "results"): TaskResultCode[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = typeof value === "string" ? value.split(",").map((item) => Number(item.trim())) : value;
  if (!Array.isArray(items) || !items.every(isTaskResultCode)) {
    throw new InputError(field, `${field} must be a list of task results from ${TASK_RESULT_CODES.join(", ")} (0 initialising, 1 running, 2 succeeded, 4 failed); got ${showValue(value)}`);
  }
  return items.length === 0 ? undefined : items;
}

/** `YYYY-MM-DD hh:mm:ss`, as DescribeTaskList takes BeginTime and EndTime (Beijing time). */
export function parseListTime(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return value;
  throw new InputError(field, `${field} must be a time "YYYY-MM-DD hh:mm:ss" (Beijing time, as the API writes it); got ${showValue(value)}`);
}

/** `none` (default) or `failedSinceStart`. */
export function parseFailOn(value: unknown, field = "failOn"): FailOn {
  if (value === undefined || value === null || value === "") return "none";
  if ((FAIL_ON_VALUES as readonly unknown[]).includes(value)) return value as FailOn;
  throw new InputError(field, `${field} must be "none" or "failedSinceStart"; got ${showValue(value)}`);
}
