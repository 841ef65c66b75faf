/**
 * The data source: a task's current state read into a stack. Runs in the program (a dynamic
 * provider cannot serve invokes), during preview too, and never waits.
 */
import * as pulumi from "@pulumi/pulumi";
import { describeTaskInfo } from "../api/describeTaskInfo";
import { resolveClientSettings } from "../api/settings";
import type { ApiVersion, TaskRecord } from "../api/types";
import { parseApiVersion, parseEndpoint, parseRegion, parseRequestId } from "../input/fields";

/** The arguments of {@link getTaskInfo}. */
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

/** {@link GetTaskInfoArgs} with Inputs, for {@link getTaskInfoOutput}. */
export interface GetTaskInfoOutputArgs {
  requestId: pulumi.Input<number | string>;
  region?: pulumi.Input<string>;
  endpoint?: pulumi.Input<string>;
  apiVersion?: pulumi.Input<ApiVersion>;
}

/** What {@link getTaskInfo} returns: the task record plus the region and API version queried. */
export interface GetTaskInfoResult extends TaskRecord {
  region: string;
  apiVersion: ApiVersion;
}

/**
 * Reads a Redis task's state once with DescribeTaskInfo. Credentials come from stack config
 * (`tencentcloud:*`) or the environment.
 */
export async function getTaskInfo(args: GetTaskInfoArgs, _opts?: pulumi.InvokeOptions): Promise<GetTaskInfoResult> {
  const requestId = parseRequestId(args.requestId);
  const settings = resolveClientSettings(
    { region: parseRegion(args.region), endpoint: parseEndpoint(args.endpoint), apiVersion: parseApiVersion(args.apiVersion) },
    // runtime.getConfig reads secrets without the "use getSecret" warning Config.get would log.
    (key) => pulumi.runtime.getConfig(key),
  );
  const record = await describeTaskInfo(requestId, settings);
  return { ...record, region: settings.region, apiVersion: settings.apiVersion };
}

/** {@link getTaskInfo} taking Inputs and returning an Output, the Pulumi `getXOutput` convention. */
export function getTaskInfoOutput(args: GetTaskInfoOutputArgs, opts?: pulumi.InvokeOptions): pulumi.Output<GetTaskInfoResult> {
  return pulumi.output(args).apply((resolved) => getTaskInfo(resolved as GetTaskInfoArgs, opts));
}
