/**
 * The hooks' options as users write them, and their resolution when a hook is made: every field
 * checked (an InputError naming `options.<field>`, so a bad option fails the program before any
 * step runs), durations parsed, and the settings read from the options, then stack config
 * `tencentcloud:*`, then the environment, as TaskWait reads them.
 */
import { InputError, TaskApiError } from "../api/errors";
import { resolveClientSettings, type ConfigLookup } from "../api/settings";
import type { ClientSettings } from "../api/types";
import { parseApiVersion, parseEndpoint, parseRegion } from "../input/fields";
import { showValue } from "../input/showValue";
import { parseFailOn, parseInstanceId, parseTaskTypes, requireTaskListApi, waitDurations, type FailOn, type TaskTypeName } from "./instanceWaiter";

/** Options of `instanceIdleHook`. */
export interface InstanceIdleHookOptions {
  /** The instance to wait for, e.g. `crs-5a4py64p`; default the resource's `instanceId` input, else its ID when that is an instance ID. */
  instanceId?: string;
  /** Only tasks of these types count, e.g. `["FLOW_BACKUPINSTANCE"]`; default every type. */
  taskTypes?: TaskTypeName[];
  /**
   * `"failedSinceStart"`: a task of the instance that fails while the hook waits fails the step,
   * naming the task. Default `"none"` before a change, `"failedSinceStart"` with `after: true`.
   */
  failOn?: FailOn;
  /** How long to wait, e.g. `"45m"`, `"90s"` or seconds; default `"30m"`. */
  timeout?: string | number;
  /** The first and smallest interval between listings; default 2 s. */
  minPollInterval?: string | number;
  /** The largest interval between listings; default 30 s. */
  maxPollInterval?: string | number;
  /** Default stack config `tencentcloud:region`, then `TENCENTCLOUD_REGION`. */
  region?: string;
  /** Base URL instead of the public API (the emulator, a private endpoint); default `TENCENTCLOUD_REDIS_ENDPOINT`. */
  endpoint?: string;
  /** Only `"v3"` (the default): listing an instance's tasks needs API 3.0 DescribeTaskList. */
  apiVersion?: "v3";
  /**
   * For `afterCreate`/`afterUpdate`: wait for the tasks the change started. When it throws, the Pulumi
   * CLI (3.274) fails the step and the `up`, but the resource stays created in state, so the next
   * `up` does not run the change (nor this hook) again; a gate that must be resumed is a TaskWait or
   * InstanceIdle resource.
   */
  after?: boolean;
}

/** Options of `retryOnInstanceBusy`: the wait's options, and how often to retry. */
export interface RetryOnInstanceBusyOptions extends Omit<InstanceIdleHookOptions, "after"> {
  /** Retries of one step at most, each after the instance became idle; default 5. */
  maxRetries?: number;
}

/** Retries per step unless `maxRetries` says otherwise. */
export const DEFAULT_MAX_RETRIES = 5;

/** Options checked and settings read, as a hook keeps them. */
export interface ResolvedHookOptions {
  hookName: string;
  instanceId?: string;
  taskTypes?: TaskTypeName[];
  failOn: FailOn;
  timeout: string | number;
  minPollInterval?: string | number;
  maxPollInterval?: string | number;
  after: boolean;
  maxRetries: number;
  /** The settings, or why they are missing: reported when the hook runs, so a preview without credentials still works. */
  settings: ClientSettings | TaskApiError;
}

/** The timeout of a hook that names none. */
export const DEFAULT_HOOK_TIMEOUT = "30m";

const field = (name: string) => `options.${name}`;

function parseMaxRetries(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_RETRIES;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  throw new InputError(field("maxRetries"), `${field("maxRetries")} must be a whole number of retries, 0 or more; got ${showValue(value)}`);
}

/**
 * Checks `options` of the hook `hookName` and reads its settings now. Throws an InputError naming
 * the option at fault; missing credentials are kept in `settings` and thrown when the hook runs.
 */
export function resolveHookOptions(
  hookName: unknown,
  options: InstanceIdleHookOptions & RetryOnInstanceBusyOptions = {},
  config?: ConfigLookup,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedHookOptions {
  if (typeof hookName !== "string" || hookName === "") throw new InputError("name", `a hook's name must be a non-empty string (the engine tells hooks apart by it); got ${showValue(hookName)}`);
  const apiVersion = parseApiVersion(options.apiVersion, field("apiVersion")) ?? "v3";
  requireTaskListApi(apiVersion, field("apiVersion"));
  const timeout = options.timeout ?? DEFAULT_HOOK_TIMEOUT;
  waitDurations({ timeout, minPollInterval: options.minPollInterval, maxPollInterval: options.maxPollInterval }, {
    timeout: field("timeout"),
    minPollInterval: field("minPollInterval"),
    maxPollInterval: field("maxPollInterval"),
  });
  const after = options.after === true;
  const explicit = { region: parseRegion(options.region, field("region")), endpoint: parseEndpoint(options.endpoint, field("endpoint")), apiVersion };
  let settings: ClientSettings | TaskApiError;
  try {
    settings = resolveClientSettings(explicit, config, env);
  } catch (error) {
    if (!(error instanceof TaskApiError)) throw error;
    settings = error;
  }
  return {
    hookName,
    ...(options.instanceId === undefined ? {} : { instanceId: parseInstanceId(options.instanceId, field("instanceId")) }),
    taskTypes: parseTaskTypes(options.taskTypes, field("taskTypes")),
    failOn: options.failOn === undefined ? (after ? "failedSinceStart" : "none") : parseFailOn(options.failOn, field("failOn")),
    timeout,
    minPollInterval: options.minPollInterval,
    maxPollInterval: options.maxPollInterval,
    after,
    maxRetries: parseMaxRetries(options.maxRetries),
    settings,
  };
}
