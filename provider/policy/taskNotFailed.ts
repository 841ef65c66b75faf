/**
 * `redis-task-not-failed`: a live check at `pulumi preview` (also the preview `pulumi up` runs
 * first). A TaskWait on a task that already failed can only fail after holding the deployment;
 * asking DescribeTaskInfo first stops that deployment before it starts.
 *
 * A stack policy, because only the stack view knows what is recorded: at preview the engine gives
 * a stack policy the recorded outputs of resources that do not change, and the checked inputs of
 * those it would create, update or replace (a resource policy sees new inputs only, for every
 * resource, changed or not). So gates recorded as succeeded whose inputs did not change are
 * skipped (a succeeded task never fails later), and only new or changed ones are queried, all
 * within one time budget.
 *
 * The policy pack runs in its own process and sees no stack config, so credentials come from the
 * environment only; region, endpoint and API version from the TaskWait's inputs, then the
 * policy's config, then the environment. The policy judges only what it can see: a TaskWait whose
 * task or API cannot be reached in time is listed in a "not applicable" note (also written to
 * stderr, which the CLI shows), never a violation and never an error, so an API outage does not
 * block deployments.
 */
import type { PolicyConfigSchema, PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isFailureStatus, statusText, TaskStatus } from "../api/status";
import type { ApiVersion, ClientSettings, TaskRecord } from "../api/types";
import { redisTaskQuery } from "../gate/taskQuery";
import { formatDuration, parseDuration } from "../input/duration";
import { configWithDefaults, DURATION_PATTERN, skip } from "./config";
import { isTaskWait, readProperty, shownFor, taskWaitLabel } from "./resources";
import { TimeBudget } from "./timeBudget";
import { taskWaitQuery } from "./taskWaitQuery";

/** Config of {@link redisTaskNotFailed}; region, endpoint and apiVersion apply when the TaskWait sets none. */
export interface TaskNotFailedConfig {
  /** Region to query, e.g. `ap-guangzhou`; default `TENCENTCLOUD_REGION`. */
  region?: string;
  /** Base URL replacing the public endpoint; default `TENCENTCLOUD_REDIS_ENDPOINT`, else the public one. */
  endpoint?: string;
  /** `v2` (default) or `v3`. */
  apiVersion?: ApiVersion;
  /** How long one DescribeTaskInfo call may take before the policy gives up on it. Default `"10s"`. */
  requestTimeout: string | number;
  /** How long the policy may spend on all its queries in one preview. Default `"20s"`. */
  timeBudget: string | number;
}

/** Config schema of {@link redisTaskNotFailed}. */
export const taskNotFailedConfigSchema: PolicyConfigSchema = {
  properties: {
    region: {
      type: "string",
      pattern: "^[a-z]{2,}(-[a-z0-9]+){1,3}$",
      description: "Tencent Cloud region of TaskWaits that set none, e.g. ap-guangzhou; default TENCENTCLOUD_REGION.",
    },
    endpoint: {
      type: "string",
      pattern: "^https?://",
      description: "Base URL of the Redis API for TaskWaits that set none; default TENCENTCLOUD_REDIS_ENDPOINT, else the public endpoint.",
    },
    apiVersion: {
      type: "string",
      enum: ["v2", "v3"],
      description: "DescribeTaskInfo protocol for TaskWaits that set none: v2 (default) or v3.",
    },
    requestTimeout: {
      type: ["string", "number"],
      pattern: DURATION_PATTERN,
      exclusiveMinimum: 0,
      default: "10s",
      description: "How long one DescribeTaskInfo call may take before the policy skips the TaskWait.",
    },
    timeBudget: {
      type: ["string", "number"],
      pattern: DURATION_PATTERN,
      exclusiveMinimum: 0,
      default: "20s",
      description: "How long the policy may spend on all its DescribeTaskInfo calls in one preview; TaskWaits not checked by then are listed in a note.",
    },
  },
};

/** What {@link createRedisTaskNotFailedPolicy} may be given; each has a production default. */
export interface TaskNotFailedOptions {
  /** Where credentials and default settings come from; default `process.env`, read at each check. */
  env?: () => NodeJS.ProcessEnv;
  /**
   * The DescribeTaskInfo call, which must give up when `signal` aborts (the time budget ran out);
   * default the package's client, paced by the pack process's rate limiter.
   */
  describe?: (requestId: number, settings: ClientSettings, signal?: AbortSignal) => Promise<TaskRecord>;
  /** Where the note on TaskWaits not checked is written, besides `notApplicable`; default stderr, which the CLI shows. */
  log?: (line: string) => void;
}

/** The outcome of a query cut short by the time budget. */
const OUT_OF_TIME = Symbol("out of time");


/** The violation for a failed task, with the API's TaskMessage when there is one. */
function failureMessage(resource: PolicyResource, task: TaskRecord): string {
  const detail = task.taskMessage ? `: ${JSON.stringify(task.taskMessage)}` : "";
  const message =
    `${taskWaitLabel(resource.name)} (requestId ${task.requestId}) has status ${task.status} (${statusText(task.status)})${detail}. ` +
    "Waiting for it cannot succeed: start the Redis operation again and wait for the new task's ID";
  return shownFor(resource.props, message, task.requestId);
}

/** Names for a note, sorted (`gate-2` before `gate-10`), the first ten only: `"a", "b" and 3 more`. */
function listNames(names: string[]): string {
  const sorted = [...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const shown = sorted.slice(0, 10).map((name) => JSON.stringify(name)).join(", ");
  return sorted.length > 10 ? `${shown} and ${sorted.length - 10} more` : shown;
}

/** True for a TaskWait as recorded in state with status 2: at preview, one whose inputs did not change. */
function recordedSucceeded(resource: PolicyResource): boolean {
  const status = readProperty(resource.props, "status");
  return status.known && status.value === TaskStatus.Succeeded;
}

/**
 * Builds the `redis-task-not-failed` policy with its environment, client and log injected (tests
 * use this; packs use {@link redisTaskNotFailed}).
 */
export function createRedisTaskNotFailedPolicy(options: TaskNotFailedOptions = {}): StackValidationPolicy {
  const env = options.env ?? (() => process.env);
  const describe = options.describe ?? ((requestId: number, settings: ClientSettings, signal?: AbortSignal) => redisTaskQuery(requestId, settings)(signal));
  const log = options.log ?? ((line: string) => process.stderr.write(line + "\n"));
  return {
    name: "redis-task-not-failed",
    description: "TaskWaits do not wait for a Redis task that has already failed (DescribeTaskInfo status 3 or -1).",
    enforcementLevel: "mandatory",
    configSchema: taskNotFailedConfigSchema,
    validateStack: async (args, reportViolation) => {
      const taskWaits = args.resources.filter((resource) => isTaskWait(resource.type));
      if (taskWaits.length === 0) return skip(args, "the stack has no TaskWait resources");
      const config = configWithDefaults<TaskNotFailedConfig>(args, taskNotFailedConfigSchema);
      const pending = taskWaits
        .filter((resource) => !recordedSucceeded(resource))
        .map((resource) => ({ resource, query: taskWaitQuery(resource, config, env()) }));
      const budget = new TimeBudget(parseDuration(config.timeBudget, "timeBudget (policy config)"));
      /** Per TaskWait, in stack order: a note, OUT_OF_TIME, or nothing (checked). */
      let outcomes: (string | typeof OUT_OF_TIME | undefined)[];
      try {
        outcomes = await Promise.all(
          pending.map(async ({ resource, query }) => {
            if ("skip" in query) return query.skip;
            let task: TaskRecord;
            try {
              task = await describe(query.requestId, query.settings, budget.signal);
            } catch (error) {
              // Never blocks, never crashes the pack: an unreachable API is no evidence of a failed task.
              if (budget.spent) return OUT_OF_TIME;
              return `${taskWaitLabel(resource.name)}: could not check the task: ${shownFor(resource.props, (error as Error)?.message ?? String(error), query.requestId)}`;
            }
            if (isFailureStatus(task.status)) reportViolation(failureMessage(resource, task), resource.urn);
            return undefined;
          }),
        );
      } finally {
        budget.close();
      }
      const notes = outcomes.filter((outcome): outcome is string => typeof outcome === "string");
      const outOfTime = pending.filter((_, i) => outcomes[i] === OUT_OF_TIME).map(({ resource }) => resource.name);
      if (outOfTime.length > 0) {
        notes.push(
          `the time budget of ${formatDuration(budget.totalMs)} ran out before ${outOfTime.length} of ${pending.length} TaskWaits to check were checked ` +
            `(${listNames(outOfTime)}); raise timeBudget in the policy config to wait longer`,
        );
      }
      if (notes.length === 0) return;
      const note = notes.join("; ");
      log(`redis-task-not-failed: not checked: ${note}`);
      return skip(args, note);
    },
  };
}

/**
 * Stack policy (mandatory by default, live, at preview): asks DescribeTaskInfo for each TaskWait
 * that is new or changed, and reports a violation on it when its task has status 3 (Failed) or -1
 * (Error), e.g. `TaskWait "gate" (requestId 11963) has status 3 (Failed): "disk full". Waiting for
 * it cannot succeed: …`. Gates recorded as succeeded are not queried; unknown requestIds during
 * preview, missing credentials, API errors and an exhausted time budget are listed in a note.
 */
export const redisTaskNotFailed: StackValidationPolicy = createRedisTaskNotFailedPolicy();
