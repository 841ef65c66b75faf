/**
 * Which Redis instance a hook gates: the one its options name, else the resource's `instanceId`
 * input (the bridged Redis sub-resources: `Param`, `Account`, `BackupConfig` …), new inputs before
 * old ones, else the resource's own ID when it is an instance ID (the bridged `redis.Instance`).
 */
import { parseInstanceId } from "./instanceWaiter";

/** What a hook knows about the resource it runs for (the SDK's hook and error-hook arguments). */
export interface HookResource {
  id?: string;
  newInputs?: Record<string, unknown>;
  oldInputs?: Record<string, unknown>;
}

/** The instance found and where it came from, for progress lines and messages. */
export interface HookInstance {
  instanceId: string;
  from: "options.instanceId" | "newInputs.instanceId" | "oldInputs.instanceId" | "id";
}

/** True when `id` has the instance ID form (the same check as the `instanceId` option's). */
function isInstanceId(id: string | undefined): id is string {
  try {
    return parseInstanceId(id) === id;
  } catch {
    return false;
  }
}

/**
 * The instance to gate on, or undefined when neither the options nor the resource name one. An
 * input `instanceId` that is not an instance ID (an unknown value in a preview, a typo) throws
 * the InputError naming the input.
 */
export function hookInstance(resource: HookResource, fromOptions?: string): HookInstance | undefined {
  if (fromOptions !== undefined) return { instanceId: fromOptions, from: "options.instanceId" };
  for (const from of ["newInputs", "oldInputs"] as const) {
    const value = resource[from]?.instanceId;
    if (value !== undefined && value !== null && value !== "") return { instanceId: parseInstanceId(value, `${from}.instanceId`), from: `${from}.instanceId` };
  }
  if (isInstanceId(resource.id)) return { instanceId: resource.id, from: "id" };
  return undefined;
}
