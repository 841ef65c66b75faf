/**
 * What the live policy asks about one TaskWait: its task ID and client settings, read from the
 * resource's properties, then the policy's config, then the environment (a policy pack sees no
 * stack config). Unknown values and bad inputs become the reason it cannot be judged.
 */
import type { PolicyResource } from "@pulumi/policy";
import { InputError, TaskApiError } from "../api/errors";
import { resolveClientSettings, SETTING_SOURCES, type ConfigLookup } from "../api/settings";
import type { ApiVersion, ClientSettings } from "../api/types";
import { parseDuration } from "../input/duration";
import { parseApiVersion, parseRequestId } from "../input/fields";
import { readProperty, taskWaitLabel } from "./resources";

/** The live policy's settings for TaskWaits that set none of their own. */
export interface TaskQueryDefaults {
  region?: string;
  endpoint?: string;
  apiVersion?: ApiVersion;
  /** How long one DescribeTaskInfo call may take. */
  requestTimeout: string | number;
}

/** Either settings and a task ID to query, or why the TaskWait cannot be judged. */
export type TaskWaitQuery = { requestId: number; settings: ClientSettings } | { skip: string };

/** The query for `resource`: its own settings first, then `defaults`, then `env`. */
export function taskWaitQuery(resource: Pick<PolicyResource, "name" | "props">, defaults: TaskQueryDefaults, env: NodeJS.ProcessEnv): TaskWaitQuery {
  const label = taskWaitLabel(resource.name);
  const inputs: Record<string, unknown> = {};
  for (const key of ["requestId", "region", "endpoint", "apiVersion"]) {
    const read = readProperty(resource.props, key);
    if (!read.known) return { skip: `${label}: ${read.reason}; checked again at pulumi up` };
    inputs[key] = read.value;
  }
  // Only region and endpoint have config keys in the settings resolver; credentials come from the environment.
  const policyConfig: ConfigLookup = (key) =>
    key === SETTING_SOURCES.region.config ? defaults.region : key === SETTING_SOURCES.endpoint.config ? defaults.endpoint : undefined;
  try {
    const requestId = parseRequestId(inputs.requestId);
    const apiVersion = parseApiVersion(inputs.apiVersion) ?? parseApiVersion(defaults.apiVersion, "apiVersion (policy config)");
    const settings = resolveClientSettings(
      {
        region: inputs.region as string | undefined,
        endpoint: inputs.endpoint as string | undefined,
        apiVersion,
        requestTimeoutMs: parseDuration(defaults.requestTimeout, "requestTimeout (policy config)"),
      },
      policyConfig,
      env,
    );
    return { requestId, settings };
  } catch (error) {
    if (error instanceof TaskApiError && error.kind === "credentials") return { skip: `${label}: ${missingSettings(defaults, env)}` };
    if (error instanceof InputError) return { skip: `${label}: ${error.message}` };
    throw error;
  }
}

/**
 * Names what is missing in the policy's own terms: the shared resolver's message points at stack
 * config, which a policy pack cannot read.
 */
function missingSettings(defaults: TaskQueryDefaults, env: NodeJS.ProcessEnv): string {
  const missing: string[] = [];
  if (!env.TENCENTCLOUD_SECRET_ID) missing.push("TENCENTCLOUD_SECRET_ID");
  if (!env.TENCENTCLOUD_SECRET_KEY) missing.push("TENCENTCLOUD_SECRET_KEY");
  const parts = [];
  if (missing.length > 0) parts.push(`Tencent Cloud credentials are not set where the policy pack runs: set ${missing.join(" and ")} in the environment of pulumi`);
  if (!defaults.region && !env.TENCENTCLOUD_REGION) parts.push("no region: set the TaskWait's region, this policy's region config or TENCENTCLOUD_REGION");
  return `cannot query DescribeTaskInfo: ${parts.join("; ")}`;
}
