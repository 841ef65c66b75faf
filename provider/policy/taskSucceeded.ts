/**
 * `redis-task-succeeded`: after a deployment, every TaskWait in the stack records status 2. A
 * TaskWait left failed to initialize (its task failed or timed out) keeps its last status in
 * state; this policy makes such a stack visibly non-compliant until the next `pulumi up`.
 *
 * In a preview, a TaskWait about to be created or updated has no outputs yet: the dynamic
 * provider host does not support preview, so the engine hands the policy the checked *inputs* as
 * if they were outputs (REFERENCE §4), and `status` is absent rather than unknown. Every wait
 * records `polls`, so a TaskWait without `polls` is one the deployment has yet to run: it is
 * skipped, not reported (else every preview of a new gate, or of the `up` resuming a timed-out
 * one, would be blocked).
 */
import type { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { isTaskStatusCode, statusText, TaskStatus } from "../api/status";
import { skip } from "./config";
import { isTaskWait, readProperty, shownFor, taskWaitLabel } from "./resources";

/** Only the enforcement level is configurable. */
export const taskSucceededConfigSchema: PolicyConfigSchema = { properties: {} };

const SUCCEEDED = `${TaskStatus.Succeeded} (${statusText(TaskStatus.Succeeded)})`;

/** Describes a recorded status for messages: `1 (Executing)`, or the raw value when it is not a status code. */
function describeStatus(status: unknown): string {
  if (status === undefined || status === null) return "no status (none was received from DescribeTaskInfo)";
  return isTaskStatusCode(status) ? `status ${status} (${statusText(status)})` : `status ${JSON.stringify(status)}`;
}

/**
 * Stack policy (mandatory by default): every TaskWait has status 2 (Succeeded). The violation
 * names the TaskWait, its requestId and its status, e.g.
 * `TaskWait "gate" (requestId 11963) has status 1 (Executing), not 2 (Succeeded)`.
 * TaskWaits the deployment has yet to run (see the file comment) and those whose status is unknown
 * during preview are skipped.
 */
export const redisTaskSucceeded: StackValidationPolicy = {
  name: "redis-task-succeeded",
  description: "Every TaskWait in the stack records its Redis task as succeeded (status 2).",
  enforcementLevel: "mandatory",
  configSchema: taskSucceededConfigSchema,
  validateStack: (args, reportViolation) => {
    const taskWaits = args.resources.filter((resource) => isTaskWait(resource.type));
    if (taskWaits.length === 0) return skip(args, "the stack has no TaskWait resources");
    for (const resource of taskWaits) {
      const polls = readProperty(resource.props, "polls");
      if (polls.known && polls.value === undefined) continue; // planned, not run yet: see the file comment
      const status = readProperty(resource.props, "status");
      // Not created yet: only the preview of a new TaskWait has an unknown status.
      if (!status.known || status.value === TaskStatus.Succeeded) continue;
      const requestId = readProperty(resource.props, "requestId");
      const id = requestId.known ? String(requestId.value) : "unknown";
      const message = `${taskWaitLabel(resource.name)} (requestId ${id}) has ${describeStatus(status.value)}, not ${SUCCEEDED}`;
      reportViolation(shownFor(resource.props, message, requestId.known ? requestId.value : undefined), resource.urn);
    }
  },
};
