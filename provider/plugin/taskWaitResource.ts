/**
 * The plugin's door to the TaskWait: the same check, diff, create, update and read as the dynamic
 * provider (`taskWaitProvider`), fed what the engine tells a plugin but not a dynamic provider,
 * the resource's name (for progress lines) and its custom timeout, with preview answered here,
 * since the dynamic provider is never asked, and import (a Read without state) handled here.
 *
 * Secrets: the engine wraps a secret `requestId`; the door tells the core the way the dynamic
 * TaskWait does, with `requestIdIsSecret`, so one mechanism keeps the ID out of the resource ID,
 * progress lines and every message, and the outputs record it for diffs and policies.
 */
import { TaskStatus } from "../api/status";
import { taskWaitProvider } from "../pulumi/taskWaitProvider";
import type { CheckFailure } from "../pulumi/checkInputs";
import { TaskWaitPartialFailure } from "../pulumi/waitOutcome";
import { previewOutputs } from "./preview";
import { importedGateState, isImport } from "./importGate";
import { unwrapSecrets, wrapSecrets, type Props } from "./properties";

/** Values as the core takes them: `requestIdIsSecret` set when the engine sent `requestId` as a secret. */
function withSecrecy(values: Props, secrets: ReadonlySet<string>): Props {
  return secrets.has("requestId") ? { ...values, requestIdIsSecret: true } : values;
}

/** What the engine says about the resource beside its properties. */
export interface ResourceContext {
  /** The resource's name, e.g. `gate`. */
  name: string;
  /** The `customTimeouts` value of this operation in seconds; 0 when none. */
  timeoutSeconds: number;
}

/**
 * The inputs as the dynamic TaskWait carries them: the name as `displayName`, and `timeout`
 * falling back to the custom timeout (the dynamic resource puts both in its inputs itself).
 */
function coreInputs(inputs: Props, context: ResourceContext): Props {
  const timeout = inputs.timeout ?? (context.timeoutSeconds > 0 ? context.timeoutSeconds : undefined);
  return { ...inputs, displayName: context.name, timeout };
}

/** Outputs as the schema declares them: no `displayName`, and `timeout` only when it was an input. */
function schemaOutputs(outs: Props, inputs: Props): Props {
  const { displayName: _name, timeout, ...rest } = outs;
  return inputs.timeout === undefined ? rest : { ...rest, timeout };
}

/** A wait's end as the plugin answers it: schema outputs with secrets wrapped again, a partial failure kept partial. */
async function settle<T extends { outs: Props }>(inputs: Props, secrets: Set<string>, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    return { ...result, outs: wrapSecrets(schemaOutputs(result.outs, inputs), secrets) };
  } catch (error) {
    if (!(error instanceof TaskWaitPartialFailure)) throw error;
    const properties = wrapSecrets(schemaOutputs(error.properties, inputs), secrets);
    throw new TaskWaitPartialFailure(error.message, error.id, properties, error.reasons);
  }
}

/** TaskWait's methods as the plugin's service calls them: properties as the engine sends them (secrets wrapped). */
export const taskWaitResource = {
  async check(olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
    const { values, secrets } = unwrapSecrets(news);
    const result = await taskWaitProvider.check(unwrapSecrets(olds).values, withSecrecy(values, secrets));
    // The flag is the core's, not a schema input: it is derived again from the wrapper at each call.
    const { requestIdIsSecret: _flag, ...inputs } = result.inputs;
    return { inputs: wrapSecrets(inputs, secrets), failures: result.failures };
  },

  async diff(id: string, olds: Props, news: Props) {
    const { values, secrets } = unwrapSecrets(news);
    return taskWaitProvider.diff(id, unwrapSecrets(olds).values, withSecrecy(values, secrets));
  },

  async create(news: Props, context: ResourceContext, preview: boolean): Promise<{ id: string; outs: Props }> {
    const { values, secrets } = unwrapSecrets(news);
    // A preview has no ID yet; the engine fills in its own placeholder.
    if (preview) return { id: "", outs: wrapSecrets(previewOutputs(values), secrets) };
    return settle(values, secrets, () => taskWaitProvider.create(coreInputs(withSecrecy(values, secrets), context)));
  },

  async update(id: string, olds: Props, news: Props, context: ResourceContext, preview: boolean): Promise<{ outs: Props }> {
    const old = unwrapSecrets(olds);
    const unwrapped = unwrapSecrets(news);
    const values = withSecrecy(unwrapped.values, unwrapped.secrets);
    const secrets = new Set([...unwrapped.secrets, ...old.secrets]);
    // Only an update that resumes a wait computes outputs; a succeeded gate's update is pure.
    if (preview && old.values.status !== TaskStatus.Succeeded) return { outs: wrapSecrets(previewOutputs(values), secrets) };
    return settle(values, secrets, () => taskWaitProvider.update(id, old.values, coreInputs(values, context)));
  },

  /** Reads the task; an import (no state) also returns the inputs the gate is recorded with. */
  async read(id: string, state: Props): Promise<{ id: string; props: Props; inputs?: Props }> {
    const importing = isImport(state);
    const { values, secrets } = unwrapSecrets(importing ? importedGateState(id) : state);
    const result = await taskWaitProvider.read(id, values);
    const props = wrapSecrets(result.props, secrets);
    return importing ? { id: result.id, props, inputs: { requestId: values.requestId } } : { id: result.id, props };
  },
};
