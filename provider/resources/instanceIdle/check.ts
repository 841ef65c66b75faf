/** InstanceIdle's `check`: every field validated at `pulumi preview`, naming it and the expected form. */
import { requireTaskListApi } from "../../api/describeTaskList";
import { parseApiVersion, parseEndpoint, parseRegion } from "../../input/fields";
import { parseFailOn, parseInstanceId, parseTaskTypes } from "../../input/instanceFields";
import { checkDurations, checkFields, optional } from "../checkFields";
import type { CheckFailure, Props } from "../core";
import type { InstanceIdleInputs } from "./types";

/** Validates raw inputs; returns them with `endpoint` normalized, and the failures. */
export function checkInstanceIdleInputs(news: Props): { inputs: Props; failures: CheckFailure[] } {
  const { inputs, failures } = checkFields(news, [
    { field: "instanceId", validate: (v) => parseInstanceId(v) },
    { field: "taskTypes", validate: (v) => parseTaskTypes(v) },
    { field: "failOn", validate: (v) => parseFailOn(v) },
    { field: "region", validate: (v) => parseRegion(v) },
    { field: "endpoint", validate: (v) => parseEndpoint(v), store: true },
    {
      field: "apiVersion",
      validate: (v) => {
        requireTaskListApi(parseApiVersion(v));
      },
    },
  ]);
  failures.push(...checkDurations(news));
  return { inputs, failures };
}

/** The inputs as the core uses them, after `check` passed. */
export function toInstanceIdleInputs(raw: Props): InstanceIdleInputs {
  const apiVersion = parseApiVersion(raw.apiVersion);
  requireTaskListApi(apiVersion);
  return {
    instanceId: parseInstanceId(raw.instanceId),
    taskTypes: parseTaskTypes(raw.taskTypes),
    failOn: parseFailOn(raw.failOn),
    region: parseRegion(raw.region),
    endpoint: parseEndpoint(raw.endpoint),
    apiVersion,
    timeout: optional(raw.timeout),
    minPollInterval: optional(raw.minPollInterval),
    maxPollInterval: optional(raw.maxPollInterval),
    displayName: optional(raw.displayName),
  };
}
