/**
 * The plugin door: any resource core as the plugin's service calls it. It feeds the core what the
 * engine tells a plugin but not a dynamic provider (the resource's name as `displayName`, the
 * custom timeout as the default `timeout`), answers previews itself (the dynamic host is never
 * asked), and handles an import (a Read without state) for a core that can be imported.
 *
 * Secrets: the engine wraps a secret input; the door unwraps it, tells the core through the flag
 * the core names (`secretFlags`, e.g. `requestIdIsSecret`, as the dynamic resource does), and wraps
 * the outputs of secret inputs again on the way out. One mechanism for both doors: the core keeps
 * the value out of the resource ID, progress lines and every message.
 */
import type { CheckFailure, DiffResult, ResourceCore } from "../../resources/core";
import { InputError } from "../../api/errors";
import { GatePartialFailure } from "../../resources/partialFailure";
import { previewOutputs } from "./preview";
import { unwrapSecrets, wrapSecrets, type Props } from "./properties";
import { pluginSchema, type SchemaResource } from "./schema";

/** What the engine says about the resource beside its properties. */
export interface ResourceContext {
  /** The resource's name, e.g. `gate`. */
  name: string;
  /** The `customTimeouts` value of this operation in seconds; 0 when none. */
  timeoutSeconds: number;
}

/** One property of a diff as the engine's `detailedDiff` takes it. */
export interface PropertyChange {
  name: string;
  /** The change replaces the resource. */
  replace: boolean;
  /** An input changed (false: an output the update recomputes, e.g. `status`). */
  input: boolean;
}

/** A core's methods as the service calls them: properties as the engine sends them (secrets wrapped). */
export interface PluginResource {
  check(olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }>;
  diff(id: string, olds: Props, news: Props): Promise<DiffResult & { detailed: PropertyChange[] }>;
  create(news: Props, context: ResourceContext, preview: boolean): Promise<{ id: string; outs: Props }>;
  update(id: string, olds: Props, news: Props, context: ResourceContext, preview: boolean): Promise<{ outs: Props }>;
  /** Reads the gate; an import (no state) also returns the inputs the gate is recorded with. */
  read(id: string, state: Props): Promise<{ id: string; props: Props; inputs?: Props }>;
}

/** True for a Read that is an import: an ID, nothing recorded yet. */
export function isImport(state: Props): boolean {
  return Object.keys(state).length === 0;
}

/** The inputs as the dynamic resources carry them: the name as `displayName`, `timeout` falling back to the custom timeout. */
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
    if (!(error instanceof GatePartialFailure)) throw error;
    const properties = wrapSecrets(schemaOutputs(error.properties, inputs), secrets);
    throw new GatePartialFailure(error.message, error.id, properties, error.reasons);
  }
}

/** `core` behind the plugin door as resource type `token`; its schema gives the outputs a preview declares unknown. */
export function pluginDoor(token: string, core: ResourceCore, defaultApiVersion: string): PluginResource {
  const schema = (): SchemaResource => pluginSchema().resources[token];
  const flags = Object.entries(core.secretFlags ?? {});
  /** Plain values as the core takes them: each flag set when the engine sent its input as a secret. */
  const unwrapForCore = (props: Props) => {
    const { values, secrets } = unwrapSecrets(props);
    for (const [input, flag] of flags) if (secrets.has(input)) values[flag] = true;
    return { values, secrets };
  };
  /** The flags are the core's, not schema inputs: derived again from the wrappers at each call. */
  const withoutFlags = (props: Props) => Object.fromEntries(Object.entries(props).filter(([key]) => !flags.some(([, flag]) => flag === key)));

  return {
    async check(olds, news) {
      const { values, secrets } = unwrapForCore(news);
      const result = await core.check(unwrapSecrets(olds).values, values);
      return { inputs: wrapSecrets(withoutFlags(result.inputs), secrets), failures: result.failures };
    },

    async diff(id, olds, news) {
      const result = await core.diff(id, unwrapSecrets(olds).values, unwrapForCore(news).values);
      const inputs = schema().inputProperties;
      const detailed = result.diffs.map((name) => ({ name, replace: result.replaces.includes(name), input: name in inputs }));
      return { ...result, detailed };
    },

    async create(news, context, preview) {
      const { values, secrets } = unwrapForCore(news);
      // A preview has no ID yet; the engine fills in its own placeholder.
      if (preview) return { id: "", outs: wrapSecrets(previewOutputs(withoutFlags(values), schema(), defaultApiVersion), secrets) };
      return settle(values, secrets, () => core.create(coreInputs(values, context)));
    },

    async update(id, olds, news, context, preview) {
      const old = unwrapSecrets(olds);
      const { values, secrets } = unwrapForCore(news);
      for (const name of old.secrets) secrets.add(name);
      // Only an update that resumes a wait computes outputs; a ready gate's update is pure.
      if (preview && !core.isReady(old.values)) return { outs: wrapSecrets(previewOutputs(withoutFlags(values), schema(), defaultApiVersion), secrets) };
      return settle(values, secrets, () => core.update(id, old.values, coreInputs(values, context)));
    },

    async read(id, state) {
      if (!isImport(state)) {
        const { values, secrets } = unwrapSecrets(state);
        const result = await core.read(id, values);
        return { id: result.id, props: wrapSecrets(result.props, secrets) };
      }
      if (!core.imported) throw new InputError("id", `${token} cannot be imported: declare it in the program, and \`pulumi up\` waits`);
      const imported = core.imported(id);
      const result = await core.read(id, imported.state);
      return { id: result.id, props: result.props, inputs: imported.inputs };
    },
  };
}
