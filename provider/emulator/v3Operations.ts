/**
 * The API 3.0 calls that start a task on an instance: ManualBackupInstance, ClearInstance,
 * ModifyInstanceParams and ResetPassword. Each checks its parameters as the service documents
 * them, then starts a task through the {@link InstanceRegistry} and answers its `TaskId`.
 * Passwords are read for their presence only, and never echoed or logged.
 */
import type { ApiContext } from "./protocol";
import type { InstanceAction } from "./types";

/** An operation's answer fields (without RequestId), or the API error to answer with. */
export type OperationOutcome = { response: Record<string, unknown> } | { error: { code: string; message: string } };

/** One task-starting call, given the signed request's JSON body. */
export type Operation = (body: Record<string, unknown>, ctx: ApiContext) => OperationOutcome;

const fail = (code: string, message: string): OperationOutcome => ({ error: { code, message } });
const missing = (name: string) => fail("MissingParameter", `The parameter ${name} is missing`);

/** The parameter check each action adds to `InstanceId`; undefined when the body is acceptable. */
const extraChecks: Record<InstanceAction, (body: Record<string, unknown>) => OperationOutcome | undefined> = {
  ManualBackupInstance: (body) => {
    if (body.Remark !== undefined && typeof body.Remark !== "string") return fail("InvalidParameterValue", "Remark must be a string");
    const days = body.StorageDays;
    if (days !== undefined && !(typeof days === "number" && Number.isInteger(days) && days >= 0 && days <= 1825)) {
      return fail("InvalidParameterValue", "StorageDays must be an integer from 0 to 1825");
    }
    return undefined;
  },
  ClearInstance: (body) => (body.Password !== undefined && typeof body.Password !== "string" ? fail("InvalidParameterValue", "Password must be a string") : undefined),
  ModifyInstanceParams: (body) => {
    const params = body.InstanceParams;
    if (params === undefined) return missing("InstanceParams");
    const wellFormed = (p: unknown) => typeof p === "object" && p !== null && typeof (p as { Key?: unknown }).Key === "string" && typeof (p as { Value?: unknown }).Value === "string";
    if (!Array.isArray(params) || params.length === 0 || !params.every(wellFormed)) {
      return fail("InvalidParameter", 'InstanceParams must be a non-empty array of {"Key": "…", "Value": "…"}');
    }
    return undefined;
  },
  ResetPassword: (body) => {
    if (body.NoAuth !== undefined && typeof body.NoAuth !== "boolean") return fail("InvalidParameterValue", "NoAuth must be true or false");
    if (body.NoAuth === true) return undefined;
    return typeof body.Password === "string" && body.Password !== "" ? undefined : missing("Password");
  },
};

function operation(action: InstanceAction, extraFields: Record<string, unknown> = {}): Operation {
  return (body, ctx) => {
    if (body.InstanceId === undefined) return missing("InstanceId");
    if (typeof body.InstanceId !== "string" || body.InstanceId === "") return fail("InvalidParameterValue", "InstanceId must be an instance ID string");
    const rejected = extraChecks[action](body);
    if (rejected) return rejected;
    const outcome = ctx.instances.start(action, body.InstanceId, ctx.now);
    return "error" in outcome ? outcome : { response: { ...extraFields, TaskId: outcome.taskId } };
  };
}

const operations: Readonly<Record<InstanceAction, Operation>> = {
  ManualBackupInstance: operation("ManualBackupInstance"),
  ClearInstance: operation("ClearInstance"),
  // The service answers whether the change was applied; a started change always is here.
  ModifyInstanceParams: operation("ModifyInstanceParams", { Changed: true }),
  ResetPassword: operation("ResetPassword"),
};

/** The task-starting call an `X-TC-Action` names, if it names one. */
export function instanceOperation(action: string | undefined): Operation | undefined {
  return action !== undefined && Object.hasOwn(operations, action) ? operations[action as InstanceAction] : undefined;
}
