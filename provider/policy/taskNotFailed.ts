/**
 * `redis-task-not-failed`: a live check at `pulumi preview` (and before each TaskWait at `up`).
 * A TaskWait on a task that already failed can only time out or fail, after holding the deployment;
 * asking DescribeTaskInfo first stops that deployment before it starts.
 *
 * The policy pack runs in its own process and sees no stack config, so credentials come from the
 * environment only; region, endpoint and API version from the TaskWait's inputs, then the
 * policy's config, then the environment. The policy judges only what it can see: when the task or
 * the API cannot be reached it reports "not applicable" with the reason, never a violation and
 * never an error, so an API outage does not block deployments.
 */
import type { PolicyConfigSchema, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { describeTaskInfo } from "../api/describeTaskInfo";
import { InputError, TaskApiError } from "../api/errors";
import { resolveClientSettings, SETTING_SOURCES, type ConfigLookup } from "../api/settings";
import { isFailureStatus, statusText } from "../api/status";
import type { ApiVersion, ClientSettings, TaskRecord } from "../api/types";
import { parseDuration } from "../input/duration";
import { parseApiVersion, parseRequestId } from "../input/fields";
import { configWithDefaults, DURATION_PATTERN, skip } from "./config";
import { isTaskWait, readProperty, taskWaitLabel } from "./resources";

/** Config of {@link redisTaskNotFailed}; each setting applies when the TaskWait does not set its own. */
export interface TaskNotFailedConfig {
  /** Region to query, e.g. `ap-guangzhou`; default `TENCENTCLOUD_REGION`. */
  region?: string;
  /** Base URL replacing the public endpoint; default `TENCENTCLOUD_REDIS_ENDPOINT`, else the public one. */
  endpoint?: string;
  /** `v2` (default) or `v3`. */
  apiVersion?: ApiVersion;
  /** How long one DescribeTaskInfo call may take before the policy gives up on it. Default `"10s"`. */
  requestTimeout: string | number;
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
  },
};

/** What {@link createRedisTaskNotFailedPolicy} may be given; both have production defaults. */
export interface TaskNotFailedOptions {
  /** Where credentials and default settings come from; default `process.env`, read at each check. */
  env?: () => NodeJS.ProcessEnv;
  /** The DescribeTaskInfo call; default the package's client. */
  describe?: (requestId: number, settings: ClientSettings) => Promise<TaskRecord>;
}

/** Either settings and a task ID to query, or why the TaskWait cannot be judged. */
type Query = { requestId: number; settings: ClientSettings } | { skip: string };

/** The TaskWait's own settings, unknown values and bad inputs turned into a reason to skip. */
function taskWaitQuery(args: ResourceValidationArgs, config: TaskNotFailedConfig, env: NodeJS.ProcessEnv): Query {
  const label = taskWaitLabel(args.name);
  const inputs: Record<string, unknown> = {};
  for (const key of ["requestId", "region", "endpoint", "apiVersion"]) {
    const read = readProperty(args.props, key);
    if (!read.known) return { skip: `${label}: ${read.reason}; checked again at pulumi up` };
    inputs[key] = read.value;
  }
  // Only region and endpoint have config keys in the settings resolver; credentials come from the environment.
  const policyConfig: ConfigLookup = (key) =>
    key === SETTING_SOURCES.region.config ? config.region : key === SETTING_SOURCES.endpoint.config ? config.endpoint : undefined;
  try {
    const requestId = parseRequestId(inputs.requestId);
    const apiVersion = parseApiVersion(inputs.apiVersion) ?? parseApiVersion(config.apiVersion, "apiVersion (policy config)");
    const settings = resolveClientSettings(
      {
        region: inputs.region as string | undefined,
        endpoint: inputs.endpoint as string | undefined,
        apiVersion,
        requestTimeoutMs: parseDuration(config.requestTimeout, "requestTimeout (policy config)"),
      },
      policyConfig,
      env,
    );
    return { requestId, settings };
  } catch (error) {
    if (error instanceof TaskApiError && error.kind === "credentials") return { skip: `${label}: ${missingSettings(config, env)}` };
    if (error instanceof InputError) return { skip: `${label}: ${error.message}` };
    throw error;
  }
}

/**
 * Names what is missing in the policy's own terms: the shared resolver's message points at stack
 * config, which a policy pack cannot read.
 */
function missingSettings(config: TaskNotFailedConfig, env: NodeJS.ProcessEnv): string {
  const missing: string[] = [];
  if (!env.TENCENTCLOUD_SECRET_ID) missing.push("TENCENTCLOUD_SECRET_ID");
  if (!env.TENCENTCLOUD_SECRET_KEY) missing.push("TENCENTCLOUD_SECRET_KEY");
  const parts = [];
  if (missing.length > 0) parts.push(`Tencent Cloud credentials are not set where the policy pack runs: set ${missing.join(" and ")} in the environment of pulumi`);
  if (!config.region && !env.TENCENTCLOUD_REGION) parts.push("no region: set the TaskWait's region, this policy's region config or TENCENTCLOUD_REGION");
  return `cannot query DescribeTaskInfo: ${parts.join("; ")}`;
}

/** The violation for a failed task, with the API's TaskMessage when there is one. */
function failureMessage(name: string, task: TaskRecord): string {
  const detail = task.taskMessage ? `: ${JSON.stringify(task.taskMessage)}` : "";
  return (
    `${taskWaitLabel(name)} (requestId ${task.requestId}) has status ${task.status} (${statusText(task.status)})${detail}. ` +
    "Waiting for it cannot succeed: start the Redis operation again and wait for the new task's ID"
  );
}

/**
 * Builds the `redis-task-not-failed` policy with its environment and client injected (tests use
 * this; packs use {@link redisTaskNotFailed}).
 */
export function createRedisTaskNotFailedPolicy(options: TaskNotFailedOptions = {}): ResourceValidationPolicy {
  const env = options.env ?? (() => process.env);
  const describe = options.describe ?? ((requestId: number, settings: ClientSettings) => describeTaskInfo(requestId, settings));
  return {
    name: "redis-task-not-failed",
    description: "TaskWaits do not wait for a Redis task that has already failed (DescribeTaskInfo status 3 or -1).",
    enforcementLevel: "mandatory",
    configSchema: taskNotFailedConfigSchema,
    validateResource: async (args, reportViolation) => {
      if (!isTaskWait(args.type)) return skip(args, "applies only to TaskWait resources");
      const config = configWithDefaults<TaskNotFailedConfig>(args, taskNotFailedConfigSchema);
      const query = taskWaitQuery(args, config, env());
      if ("skip" in query) return skip(args, query.skip);
      let task: TaskRecord;
      try {
        task = await describe(query.requestId, query.settings);
      } catch (error) {
        // Never blocks, never crashes the pack: an unreachable API is no evidence of a failed task.
        return skip(args, `${taskWaitLabel(args.name)}: could not check the task: ${(error as Error)?.message ?? String(error)}`);
      }
      if (isFailureStatus(task.status)) reportViolation(failureMessage(args.name, task));
    },
  };
}

/**
 * Resource policy (mandatory by default, live): asks DescribeTaskInfo for each TaskWait's task and
 * reports a violation when it has status 3 (Failed) or -1 (Error), e.g.
 * `TaskWait "gate" (requestId 11963) has status 3 (Failed): "disk full". Waiting for it cannot succeed: …`.
 * Unknown requestIds during preview, missing credentials and API errors make it not applicable.
 */
export const redisTaskNotFailed: ResourceValidationPolicy = createRedisTaskNotFailedPolicy();
