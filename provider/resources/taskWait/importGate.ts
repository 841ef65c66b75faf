/**
 * `pulumi import tencentcloud-redis-task:index:TaskWait NAME TASK_ID` through the plugin: the
 * engine calls Read with the ID and no properties, and the gate's state is what one read of the
 * task gives. (The dynamic door cannot import: its provider lives in the state being created.)
 */
import { InputError } from "../../api/errors";
import { parseRequestId } from "../../input/fields";
import type { Props } from "../core";
import { defaultRegion } from "../gateSettings";

/**
 * The state a gate imported with ID `id` starts from: the task ID (the import's ID must be one),
 * the region and API version it will use, and no wait yet (0 polls, 0 s).
 */
export function importedGateState(id: string): Props {
  let requestId: number;
  try {
    requestId = parseRequestId(id, "the import ID");
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError("requestId", `a TaskWait is imported by its Redis task ID: ${error.message}`);
  }
  const region = defaultRegion();
  return { requestId, ...(region ? { region } : {}), apiVersion: "v2", polls: 0, waitedSeconds: 0 };
}
