/**
 * Checks task objects from scenario files and the control route. Every error is an
 * {@link InputError} naming the exact field (`tasks[1].timeline[0].status`), because these
 * objects are hand-written.
 */
import { InputError } from "../api/errors";
import { isTaskStatusCode } from "../api/status";
import type { EmulatorTask, TimelineStep } from "./types";

const taskFields = ["requestId", "timeline", "held", "taskMessage", "taskType", "instanceId"];
const stepFields = ["status", "ms"];

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Unknown fields are rejected so that a typo (`timline`, `msec`) is not silently ignored.
export function rejectUnknownFields(value: Record<string, unknown>, known: string[], field: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new InputError(`${field}.${key}`, `${field}.${key} is not a known field (expected one of ${known.join(", ")})`);
    }
  }
}

function optionalString(value: Record<string, unknown>, key: string, field: string): string | undefined {
  const v = value[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new InputError(`${field}.${key}`, `${field}.${key} must be a string; got ${JSON.stringify(v)}`);
  return v;
}

function validateStep(value: unknown, field: string): TimelineStep {
  if (!isObject(value)) throw new InputError(field, `${field} must be an object like {"status": 1, "ms": 2000}; got ${JSON.stringify(value)}`);
  rejectUnknownFields(value, stepFields, field);
  if (!isTaskStatusCode(value.status)) {
    throw new InputError(`${field}.status`, `${field}.status must be one of -1, 0, 1, 2, 3; got ${JSON.stringify(value.status)}`);
  }
  if (value.ms === undefined) return { status: value.status };
  if (typeof value.ms !== "number" || !Number.isFinite(value.ms) || value.ms < 0) {
    throw new InputError(`${field}.ms`, `${field}.ms must be a non-negative number of milliseconds; got ${JSON.stringify(value.ms)}`);
  }
  return { status: value.status, ms: value.ms };
}

/** Validates one task object and returns a clean copy; `field` prefixes the names in errors. */
export function validateTask(value: unknown, field = "task"): EmulatorTask {
  if (!isObject(value)) throw new InputError(field, `${field} must be an object; got ${JSON.stringify(value)}`);
  rejectUnknownFields(value, taskFields, field);
  const id = value.requestId;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 0) {
    throw new InputError(`${field}.requestId`, `${field}.requestId must be a non-negative integer task ID; got ${JSON.stringify(id)}`);
  }
  if (!Array.isArray(value.timeline) || value.timeline.length === 0) {
    throw new InputError(`${field}.timeline`, `${field}.timeline must be a non-empty array of {"status": N, "ms": M} steps`);
  }
  const timeline = value.timeline.map((step, i) => validateStep(step, `${field}.timeline[${i}]`));
  // A step without ms holds forever, so anything after it could never be reached.
  const open = timeline.findIndex((step) => step.ms === undefined);
  if (open !== -1 && open < timeline.length - 1) {
    throw new InputError(`${field}.timeline[${open}].ms`, `${field}.timeline[${open}].ms is missing, but only the last step may omit ms (it holds forever)`);
  }
  if (value.held !== undefined && typeof value.held !== "boolean") {
    throw new InputError(`${field}.held`, `${field}.held must be true or false; got ${JSON.stringify(value.held)}`);
  }
  return {
    requestId: id,
    timeline,
    ...(value.held === true ? { held: true } : {}),
    taskMessage: optionalString(value, "taskMessage", field),
    taskType: optionalString(value, "taskType", field),
    instanceId: optionalString(value, "instanceId", field),
  };
}
