/**
 * A DescribeTaskList transport for hook tests: each listing answers the next scripted list of
 * the instance's tasks (the last repeats), filtered by the request's `Result`, and records the
 * virtual time of every listing. The one-row call without a `Result` filter that the wait makes
 * after an empty listing (is there any task at all?) is answered from the same rows but recorded
 * in `countedAt`, so `listedAt` counts the wait's polls.
 */
import type { ClientSettings, HttpRequest, HttpResponse } from "../../provider/api/types";
import { VirtualClock } from "../../provider/waiter";
import { resolveHookOptions, type InstanceIdleHookOptions, type RetryOnInstanceBusyOptions } from "../../provider/hooks/hookOptions";
import type { HookRuntime } from "../../provider/hooks/idleGate";

export const INSTANCE = "crs-abcd1234";
export const SETTINGS: ClientSettings = { secretId: "AKIDtest", secretKey: "key", region: "ap-guangzhou", apiVersion: "v3", endpoint: "http://127.0.0.1:1" };
export const CONFIG: Record<string, string> = { "tencentcloud:secretId": "AKIDtest", "tencentcloud:secretKey": "key", "tencentcloud:region": "ap-guangzhou" };

/** A task row as the script writes it: ID, Result (0/1/2/4) and the type code. */
export type Row = [taskId: number, result: number, typeCode?: string];

export function fakeTaskList(script: Row[][]) {
  const clock = new VirtualClock({ autoAdvance: true });
  const listedAt: number[] = [];
  const countedAt: number[] = [];
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    const body = JSON.parse(request.body!);
    const rows = script[Math.max(0, Math.min(listedAt.length - (body.Result ? 0 : 1), script.length - 1))];
    (body.Result ? listedAt : countedAt).push(clock.now());
    const tasks = rows
      .filter(([, result]) => !body.Result || body.Result.includes(result))
      .map(([TaskId, Result, TaskType = "034"]) => ({ TaskId, Result, TaskType, InstanceId: body.InstanceId, StartTime: "2024-05-01 10:00:00", Progress: Result >= 2 ? 1 : 0.4 }));
    return { status: 200, headers: {}, body: JSON.stringify({ Response: { TotalCount: tasks.length, Tasks: tasks, RequestId: `r${listedAt.length + countedAt.length}` } }) };
  };
  const lines: string[] = [];
  const runtime: HookRuntime = { clock, transport, random: () => 1, budget: false, writeProgress: (line) => lines.push(line) };
  return { clock, listedAt, countedAt, lines, runtime };
}

/** Resolved options of a hook named `test` with the stack config above and an empty environment. */
export function hookOptions(options: InstanceIdleHookOptions & RetryOnInstanceBusyOptions = {}) {
  return resolveHookOptions("test", { minPollInterval: "1s", maxPollInterval: "5s", ...options }, (key) => CONFIG[key], {});
}
