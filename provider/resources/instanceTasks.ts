/**
 * getInstanceTasks' one listing, shared by both doors: the program-side function and the plugin's
 * `Invoke`. Every page is read (paced and retried as a refresh is); never waits.
 */
import { requireTaskListApi } from "../api/describeTaskList";
import { resolveClientSettings, type ConfigLookup, type SettingSources } from "../api/settings";
import type { InstanceTask } from "../api/taskList";
import type { ApiVersion } from "../api/types";
import { parseApiVersion, parseEndpoint, parseRegion } from "../input/fields";
import { parseInstanceId, parseListTime, parseResults, parseTaskTypes } from "../input/instanceFields";
import { readInstanceTasks } from "../gate/readInstanceTasks";
import { INSTANCE_IDLE_API_VERSION } from "./instanceIdle/types";

/** The arguments of getInstanceTasks. */
export interface GetInstanceTasksArgs {
  /** The Redis instance, e.g. `crs-5a4py64p`. */
  instanceId: string;
  /** Only tasks of these types, e.g. `["FLOW_RESIZE"]`. */
  taskTypes?: string[];
  /** Only tasks with these results: 0 initialising, 1 running, 2 succeeded, 4 failed. */
  results?: number[];
  /** Only tasks started from this time on, `YYYY-MM-DD hh:mm:ss` (Beijing time). */
  beginTime?: string;
  /** Only tasks started up to this time, `YYYY-MM-DD hh:mm:ss` (Beijing time). */
  endTime?: string;
  region?: string;
  endpoint?: string;
  /** `"v3"` (default; API 2.0 cannot list tasks). */
  apiVersion?: ApiVersion;
}

/** One task of the answer: a listed task without the result's name (the schema's shape). */
export type InstanceTaskInfo = Omit<InstanceTask, "resultText">;

/** What getInstanceTasks returns: every matching task, newest first. */
export interface GetInstanceTasksResult {
  instanceId: string;
  region: string;
  apiVersion: ApiVersion;
  totalCount: number;
  tasks: InstanceTaskInfo[];
}

/**
 * Validates `args` (an `InputError` names the field), resolves the settings from `args`, then
 * `config` (whose keys `sources` names), then the environment, and reads every page once.
 */
export async function queryInstanceTasks(args: GetInstanceTasksArgs, config?: ConfigLookup, sources?: SettingSources): Promise<GetInstanceTasksResult> {
  const instanceId = parseInstanceId(args.instanceId);
  const query = {
    instanceId,
    taskTypes: parseTaskTypes(args.taskTypes),
    results: parseResults(args.results),
    beginTime: parseListTime(args.beginTime, "beginTime"),
    endTime: parseListTime(args.endTime, "endTime"),
  };
  const apiVersion = parseApiVersion(args.apiVersion) ?? INSTANCE_IDLE_API_VERSION;
  requireTaskListApi(apiVersion);
  const explicit = { region: parseRegion(args.region), endpoint: parseEndpoint(args.endpoint), apiVersion };
  const settings = resolveClientSettings(explicit, config, process.env, sources);
  const list = await readInstanceTasks({ query, settings });
  const tasks = list.tasks.map(({ resultText: _text, ...task }) => task);
  return { instanceId, region: settings.region, apiVersion, totalCount: list.totalCount, tasks };
}
