/**
 * The plugin's `Invoke`: the same one query as the program-side function (getTaskInfo,
 * getInstanceTasks), with the provider's configuration. A bad argument comes back as a failure
 * naming the field; a secret argument keeps its result field secret, and the function is told
 * which arguments were secret (a secret requestId stays out of every message).
 */
import { InputError } from "../../api/errors";
import type { PluginFunction } from "./resources";
import { providerConfig, providerSettingSources } from "../../resources/providerSettings";
import type { CheckFailure } from "../../resources/core";
import { unwrapSecrets, wrapSecrets, type Props } from "./properties";

/** The invoke's result: the task record, or failures. */
export interface InvokeResult {
  result?: Props;
  failures: CheckFailure[];
}

/** Runs `fn` on `args` (as the engine sends them) once; never waits. */
export async function invokeFunction(fn: PluginFunction, args: Props): Promise<InvokeResult> {
  const { values, secrets } = unwrapSecrets(args);
  // A secret requestId arrives wrapped, or (from the Node SDK, which unwraps invoke arguments) flagged.
  const { requestIdIsSecret, ...query } = values;
  if (requestIdIsSecret === true) secrets.add("requestId");
  try {
    const record = await fn(query, providerConfig(), providerSettingSources(), secrets);
    return { result: wrapSecrets({ ...record }, secrets), failures: [] };
  } catch (error) {
    if (error instanceof InputError) return { failures: [{ property: error.field, reason: error.message }] };
    throw error;
  }
}
