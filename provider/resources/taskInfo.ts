/**
 * getTaskInfo's one query, shared by both doors: the program-side function (`getTaskInfo.ts`,
 * which reads stack config through the SDK) and the provider plugin's `Invoke` (which reads its
 * own configuration). Never waits.
 */
import { describeTaskInfo } from "../api/describeTaskInfo";
import { resolveClientSettings, type ConfigLookup, type SettingSources } from "../api/settings";
import type { ApiVersion, TaskRecord } from "../api/types";
import { parseApiVersion, parseEndpoint, parseRegion, parseRequestId } from "../input/fields";
import { redactingErrors } from "./secretRequestId";

/** The arguments of getTaskInfo. */
export interface GetTaskInfoArgs {
  /** The task ID (a number or a numeric string). */
  requestId: number | string;
  /** Region; default stack config `tencentcloud:region`, then `TENCENTCLOUD_REGION`. */
  region?: string;
  /** Base URL instead of the public API; default `TENCENTCLOUD_REDIS_ENDPOINT`. */
  endpoint?: string;
  /** `"v2"` (default) or `"v3"`. */
  apiVersion?: ApiVersion;
}

/** What getTaskInfo returns: the task record plus the region and API version queried. */
export interface GetTaskInfoResult extends TaskRecord {
  region: string;
  apiVersion: ApiVersion;
}

/**
 * Validates `args` (an `InputError` names the field at fault), resolves the settings from `args`,
 * then `config` (whose keys `sources` names), then the environment, and queries the task once.
 * When `requestIdIsSecret`, its errors leave without the ID (the same redaction as TaskWait's).
 */
export function queryTaskInfo(args: GetTaskInfoArgs, config?: ConfigLookup, sources?: SettingSources, requestIdIsSecret = false): Promise<GetTaskInfoResult> {
  return redactingErrors(args.requestId, requestIdIsSecret, async () => {
    const requestId = parseRequestId(args.requestId);
    const explicit = { region: parseRegion(args.region), endpoint: parseEndpoint(args.endpoint), apiVersion: parseApiVersion(args.apiVersion) };
    const settings = resolveClientSettings(explicit, config, process.env, sources);
    const record = await describeTaskInfo(requestId, settings);
    return { ...record, region: settings.region, apiVersion: settings.apiVersion };
  });
}
