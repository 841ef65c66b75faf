/**
 * `redis-instance-busy`: a live check at `pulumi preview`. A Redis instance with a task running
 * (a backup, a resize started from the console, maintenance) refuses changes with "instance
 * locked" errors, or applies them between steps of the task; a stack that touches it without
 * waiting finds out mid-deployment. This policy lists the running tasks (DescribeTaskList,
 * `Result` 0 and 1, every page, under the process's DescribeTaskList rate limit) of each instance
 * the configured resource types act on, and warns on each such resource that nothing in its
 * dependencies waits for (see `instanceGates.ts` for what covers a task, `instanceTarget.ts` for
 * how the instance is found).
 *
 * Like `redis-task-not-failed` it is a stack policy (only the stack view has dependencies), reads
 * credentials from the environment (a pack sees no stack config), spends at most its time budget
 * on all its listings together, and turns what it cannot judge (unknown values, an unreachable
 * API, the budget running out) into a "not applicable" note, never a violation.
 */
import type { PolicyConfigSchema, PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { InputError, TaskApiError } from "../api/errors";
import { resolveClientSettings, SETTING_SOURCES } from "../api/settings";
import { TaskResult, type InstanceTask, type TaskListQuery } from "../api/taskList";
import type { ClientSettings } from "../api/types";
import { instanceTaskLister } from "../gate/taskListQuery";
import { formatDuration, parseDuration } from "../input/duration";
import { configWithDefaults, DURATION_PATTERN, skip } from "./config";
import { ungatedTasks } from "./instanceGates";
import { instanceTarget, resourceLabel } from "./instanceTarget";
import { typeMatcher } from "./resources";
import { TimeBudget } from "./timeBudget";

/** Config of {@link redisInstanceBusy}. */
export interface InstanceBusyConfig {
  /** Types checked; those with an `instanceId` property act on that instance. `*` matches any run of characters. */
  types: string[];
  /** Types that are the instance itself (their `id` is the instance ID). */
  instanceTypes: string[];
  /** Region to query, e.g. `ap-guangzhou`; default `TENCENTCLOUD_REGION`. */
  region?: string;
  /** Base URL replacing the public endpoint; default `TENCENTCLOUD_REDIS_ENDPOINT`, else the public one. */
  endpoint?: string;
  /** How long one DescribeTaskList call may take. Default `"10s"`. */
  requestTimeout: string | number;
  /** How long the policy may spend on all its listings in one preview. Default `"20s"`. */
  timeBudget: string | number;
}

/** The bridged `tencentcloud` provider's Redis instance. */
export const BRIDGED_INSTANCE_TYPE = "tencentcloud:Redis/instance:Instance";

/** Config schema of {@link redisInstanceBusy}. */
export const instanceBusyConfigSchema: PolicyConfigSchema = {
  properties: {
    types: {
      type: "array",
      items: { type: "string", minLength: 1 },
      default: ["tencentcloud:Redis/*"],
      description: 'Type tokens of resources checked, "*" matching any characters; those with an instanceId property act on that instance.',
    },
    instanceTypes: {
      type: "array",
      items: { type: "string", minLength: 1 },
      default: [BRIDGED_INSTANCE_TYPE],
      description: "Type tokens of resources that are the Redis instance itself (its id is the instance ID).",
    },
    region: {
      type: "string",
      pattern: "^[a-z]{2,}(-[a-z0-9]+){1,3}$",
      description: "Tencent Cloud region of the instances, e.g. ap-guangzhou; default TENCENTCLOUD_REGION.",
    },
    endpoint: {
      type: "string",
      pattern: "^https?://",
      description: "Base URL of the Redis API; default TENCENTCLOUD_REDIS_ENDPOINT, else the public endpoint.",
    },
    requestTimeout: {
      type: ["string", "number"],
      pattern: DURATION_PATTERN,
      exclusiveMinimum: 0,
      default: "10s",
      description: "How long one DescribeTaskList call may take before the policy skips the instance.",
    },
    timeBudget: {
      type: ["string", "number"],
      pattern: DURATION_PATTERN,
      exclusiveMinimum: 0,
      default: "20s",
      description: "How long the policy may spend on all its DescribeTaskList calls in one preview; instances not listed by then are named in a note.",
    },
  },
};

/** Lists an instance's tasks matching `query`, giving up when `signal` aborts. */
export type InstanceTaskListing = (query: TaskListQuery, settings: ClientSettings, signal: AbortSignal) => Promise<InstanceTask[]>;

/** What {@link createRedisInstanceBusyPolicy} may be given; each has a production default. */
export interface InstanceBusyOptions {
  /** Where credentials and default settings come from; default `process.env`, read at each check. */
  env?: () => NodeJS.ProcessEnv;
  /** Default the package's DescribeTaskList client, every page, paced by the process-wide budget. */
  list?: InstanceTaskListing;
  /** Where the note on instances not checked is written, besides `notApplicable`; default stderr. */
  log?: (line: string) => void;
}

const defaultList: InstanceTaskListing = async (query, settings, signal) => (await instanceTaskLister(settings)(query, signal)).tasks;

/** `FLOW_BACKUPINSTANCE 4711 (Running, 40%)`. */
function taskText(task: InstanceTask): string {
  return `${task.taskType} ${task.taskId} (${task.resultText}, ${Math.round(task.progress * 100)}%)`;
}

/** The violation on `resource` for the running `tasks` of `instanceId` nothing waits for. */
export function busyMessage(resource: Pick<PolicyResource, "name" | "type">, instanceId: string, tasks: readonly InstanceTask[]): string {
  const count = tasks.length === 1 ? "a task" : `${tasks.length} tasks`;
  return (
    `${resourceLabel(resource)} acts on instance ${instanceId}, which has ${count} running that nothing it depends on waits for: ` +
    `${tasks.map(taskText).join(", ")}. Add an InstanceIdle with instanceId "${instanceId}" to its dependsOn so the deployment waits until the instance is idle`
  );
}

/** Settings for the policy's listings, or why none can be made. */
function listingSettings(config: InstanceBusyConfig, env: NodeJS.ProcessEnv): ClientSettings | string {
  try {
    const lookup = (key: string) => (key === SETTING_SOURCES.region.config ? config.region : key === SETTING_SOURCES.endpoint.config ? config.endpoint : undefined);
    return resolveClientSettings({ apiVersion: "v3", requestTimeoutMs: parseDuration(config.requestTimeout, "requestTimeout (policy config)") }, lookup, env);
  } catch (error) {
    if (error instanceof TaskApiError && error.kind === "credentials") {
      return "cannot query DescribeTaskList: set TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and TENCENTCLOUD_REGION (or the policy's region config) in the environment of pulumi";
    }
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

/**
 * Builds the `redis-instance-busy` policy with its environment, client and log injected (tests use
 * this; packs use {@link redisInstanceBusy}).
 */
export function createRedisInstanceBusyPolicy(options: InstanceBusyOptions = {}): StackValidationPolicy {
  const env = options.env ?? (() => process.env);
  const list = options.list ?? defaultList;
  const log = options.log ?? ((line: string) => process.stderr.write(line + "\n"));
  return {
    name: "redis-instance-busy",
    description: "Resources acting on a Redis instance with running tasks depend on a gate that waits for them.",
    enforcementLevel: "advisory",
    configSchema: instanceBusyConfigSchema,
    validateStack: async (args, reportViolation) => {
      const config = configWithDefaults<InstanceBusyConfig>(args, instanceBusyConfigSchema);
      const checked = typeMatcher(config.types);
      const isInstance = typeMatcher(config.instanceTypes);
      const notes: string[] = [];
      const targets: { resource: PolicyResource; instanceId: string }[] = [];
      for (const resource of args.resources) {
        if (!checked(resource.type) && !isInstance(resource.type)) continue;
        const target = instanceTarget(resource, isInstance(resource.type), args.resources);
        if (target && "skip" in target) notes.push(target.skip);
        else if (target) targets.push({ resource, instanceId: target.instanceId });
      }
      if (targets.length === 0 && notes.length === 0) return skip(args, "no resource of the configured types acts on a known Redis instance");
      const settings = targets.length > 0 ? listingSettings(config, env()) : undefined;
      if (typeof settings === "string") notes.push(settings);
      else if (settings) notes.push(...(await judge(targets, settings, list, config, reportViolation)));
      if (notes.length === 0) return;
      const note = notes.join("; ");
      log(`redis-instance-busy: not checked: ${note}`);
      return skip(args, note);
    },
  };
}

/** Lists each targeted instance once, within one time budget, and reports; returns the notes. */
async function judge(
  targets: { resource: PolicyResource; instanceId: string }[],
  settings: ClientSettings,
  list: InstanceTaskListing,
  config: InstanceBusyConfig,
  reportViolation: (message: string, urn?: string) => void,
): Promise<string[]> {
  const instances = [...new Set(targets.map((target) => target.instanceId))].sort();
  const budget = new TimeBudget(parseDuration(config.timeBudget, "timeBudget (policy config)"));
  const running = new Map<string, InstanceTask[]>();
  const notes: string[] = [];
  const outOfTime: string[] = [];
  try {
    await Promise.all(
      instances.map(async (instanceId) => {
        try {
          running.set(instanceId, await list({ instanceId, results: [TaskResult.Initializing, TaskResult.Running] }, settings, budget.signal));
        } catch (error) {
          // An unreachable API is no evidence of a busy instance: noted, never a violation.
          if (budget.spent) outOfTime.push(instanceId);
          else notes.push(`instance ${instanceId}: could not list its tasks: ${(error as Error)?.message ?? String(error)}`);
        }
      }),
    );
  } finally {
    budget.close();
  }
  for (const { resource, instanceId } of targets) {
    const tasks = running.get(instanceId);
    const ungated = tasks ? ungatedTasks(resource, instanceId, tasks) : [];
    if (ungated.length > 0) reportViolation(busyMessage(resource, instanceId, ungated), resource.urn);
  }
  if (outOfTime.length > 0) {
    notes.push(
      `the time budget of ${formatDuration(budget.totalMs)} ran out before ${outOfTime.length} of ${instances.length} instances were listed ` +
        `(${outOfTime.sort().join(", ")}); raise timeBudget in the policy config to wait longer`,
    );
  }
  return notes;
}

/**
 * Stack policy (advisory by default, live, at preview): warns on each resource of the configured
 * types that acts on a Redis instance with tasks initialising or running (DescribeTaskList `Result`
 * 0 or 1) when no InstanceIdle on that instance (or TaskWait on that task) is among its
 * dependencies, e.g. `Resource "cache-account" (tencentcloud:Redis/account:Account) acts on instance
 * crs-5a4py64p, which has a task running that nothing it depends on waits for: FLOW_BACKUPINSTANCE
 * 4711 (Running, 40%). Add an InstanceIdle …`.
 */
export const redisInstanceBusy: StackValidationPolicy = createRedisInstanceBusyPolicy();
