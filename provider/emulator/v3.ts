/**
 * API 3.0 (`POST /`, TC3-HMAC-SHA256): headers and Authorization first, then the signature
 * over the received Host, Content-Type and raw body (with the SDKs' leniencies, tc3Leniency.ts),
 * then action, version and `TaskId`, or one of the task-starting calls (v3Operations.ts).
 */
import { randomUUID } from "crypto";
import { signTc3, tc3Date } from "../api/signV3";
import { isFailureStatus, statusToV3 } from "../api/status";
import { type ApiAnswer, type ApiContext, type ApiProtocol, type ApiRequest, MAX_TIMESTAMP_SKEW_SECONDS, safeEqual } from "./protocol";
import { TASK_LIST_ACTION, answerTaskList } from "./taskList";
import { acceptedServices, signedHostForms } from "./tc3Leniency";
import { beijingTime, bodyObject, error, header } from "./v3Common";
import { instanceOperation } from "./v3Operations";

/** The task query and the version this file answers; DescribeTaskList is answered in `taskList.ts`, the task-starting calls in `v3Operations.ts`. */
const ACTION = "DescribeTaskInfo";
const VERSION = "2018-04-12";

const requiredHeaders = ["Authorization", "X-TC-Action", "X-TC-Version", "X-TC-Timestamp", "X-TC-Region"];
const authorizationPattern =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

function taskIdOf(req: ApiRequest): number | undefined {
  const id = bodyObject(req)?.TaskId;
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

function verify(req: ApiRequest, ctx: ApiContext): ApiAnswer | undefined {
  const missing = requiredHeaders.find((name) => !header(req, name));
  if (missing) return error("MissingParameter", `The request is missing the ${missing} header`);

  const auth = authorizationPattern.exec(header(req, "authorization")!);
  if (!auth) return error("AuthFailure.InvalidAuthorization", "The Authorization header is not a TC3-HMAC-SHA256 authorization");
  const [, secretId, date, service, signedHeaders, signature] = auth;

  const secretKey = ctx.secretKeyOf(secretId);
  if (secretKey === undefined) return error("AuthFailure.SecretIdNotFound", "The SecretId is not found; check that it exists and is enabled");

  const rawTimestamp = header(req, "x-tc-timestamp")!;
  if (!/^\d+$/.test(rawTimestamp)) return error("InvalidParameter", "X-TC-Timestamp must be unix seconds");
  const timestamp = Number(rawTimestamp);
  if (Math.abs(ctx.now / 1000 - timestamp) > MAX_TIMESTAMP_SKEW_SECONDS) {
    return error("AuthFailure.SignatureExpire", "The signature has expired: X-TC-Timestamp is more than 5 minutes from the server time");
  }

  const host = header(req, "host") ?? "";
  if (!acceptedServices(host).includes(service) || date !== tc3Date(timestamp) || signedHeaders !== "content-type;host") {
    return error("AuthFailure.SignatureFailure", "The credential scope or SignedHeaders do not match the request");
  }
  const contentType = header(req, "content-type") ?? "";
  const matches = signedHostForms(host).some((signedHost) =>
    safeEqual(signTc3({ secretId, secretKey, service, host: signedHost, timestamp, contentType, body: req.body }).signature, signature),
  );
  if (!matches) {
    return error("AuthFailure.SignatureFailure", "The signature does not match; check the SecretKey and the signing steps");
  }
  return undefined;
}

function answer(req: ApiRequest, ctx: ApiContext): ApiAnswer {
  const rejected = verify(req, ctx);
  if (rejected) return rejected;
  const action = header(req, "x-tc-action");
  if (action === TASK_LIST_ACTION && header(req, "x-tc-version") === VERSION) return answerTaskList(req, ctx);
  const operation = instanceOperation(action);
  if (action !== ACTION && !operation) return error("InvalidAction", `The action ${action} is not supported`);
  const version = header(req, "x-tc-version");
  if (version !== VERSION) return error("NoSuchVersion", `The version ${version} of the redis API does not exist; use ${VERSION}`);

  const body = bodyObject(req);
  if (!body) return error("InvalidParameter", "The request body must be a JSON object");
  if (operation) {
    const outcome = operation(body, ctx);
    if ("error" in outcome) return error(outcome.error.code, outcome.error.message);
    const apiRequestId = randomUUID();
    return { body: { Response: { ...outcome.response, RequestId: apiRequestId } }, result: "Success", apiRequestId };
  }
  if (body.TaskId === undefined) return error("MissingParameter", "The parameter TaskId is missing");
  const taskId = taskIdOf(req);
  if (taskId === undefined) return error("InvalidParameterValue", "TaskId must be a non-negative integer");

  const view = ctx.tasks.query(taskId, ctx.now);
  if (!view) return error("InvalidParameter.InvalidParameter", `Task ${taskId} not found`);
  const apiRequestId = randomUUID();
  const response = {
    Status: statusToV3(view.status),
    StartTime: beijingTime(view.startedMs),
    TaskType: view.task.taskType ?? "",
    InstanceId: view.task.instanceId ?? "",
    // The service leaves TaskMessage blank unless the task failed or hit an error.
    TaskMessage: isFailureStatus(view.status) ? (view.task.taskMessage ?? "") : "",
    RequestId: apiRequestId,
  };
  return { body: { Response: response }, result: "Success", apiRequestId };
}

/** The API 3.0 protocol. */
export const v3Protocol: ApiProtocol = {
  taskIdOf,
  actionOf: (req) => header(req, "x-tc-action"),
  handle: answer,
  rateLimited: () => error("RequestLimitExceeded", "Your requests exceed the frequency limit; slow down and retry"),
  internalError: () => error("InternalError", "Internal error; retry later"),
};
