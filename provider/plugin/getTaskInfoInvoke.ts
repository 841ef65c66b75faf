/**
 * The plugin's `Invoke` of getTaskInfo: the same one query as the program-side getTaskInfo
 * (`taskInfo.ts`), with the provider's configuration. A bad argument comes back as a failure
 * naming the field; a secret argument keeps its result field secret, and a secret requestId stays
 * out of every message.
 */
import { InputError } from "../api/errors";
import { queryTaskInfo, type GetTaskInfoArgs } from "../pulumi/taskInfo";
import { providerConfig, providerSettingSources } from "../pulumi/providerSettings";
import type { CheckFailure } from "../pulumi/checkInputs";
import { unwrapSecrets, wrapSecrets, type Props } from "./properties";

/** The invoke's result: the task record, or failures. */
export interface InvokeResult {
  result?: Props;
  failures: CheckFailure[];
}

/** Reads the task named in `args` (as the engine sends them) once; never waits. */
export async function invokeGetTaskInfo(args: Props): Promise<InvokeResult> {
  const { values, secrets } = unwrapSecrets(args);
  // A secret requestId arrives wrapped, or (from the Node SDK, which unwraps invoke arguments) flagged.
  const { requestIdIsSecret, ...query } = values;
  if (requestIdIsSecret === true) secrets.add("requestId");
  try {
    const record = await queryTaskInfo(query as unknown as GetTaskInfoArgs, providerConfig(), providerSettingSources(), secrets.has("requestId"));
    return { result: wrapSecrets({ ...record }, secrets), failures: [] };
  } catch (error) {
    if (error instanceof InputError) return { failures: [{ property: error.field, reason: error.message }] };
    throw error;
  }
}
