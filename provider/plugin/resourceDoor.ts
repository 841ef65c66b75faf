/**
 * The plugin door: any resource core as the plugin's service calls it. It feeds the core what the
 * engine tells a plugin but not a dynamic provider (the resource's name as `displayName`, the
 * custom timeout as the default `timeout`), answers previews itself (the dynamic host is never
 * asked), unwraps secrets on the way in and wraps them again on the way out.
 */
import type { CheckFailure, DiffResult, ResourceCore } from "../resources/core";
import { GatePartialFailure } from "../resources/partialFailure";
import { previewOutputs } from "./preview";
import { unwrapSecrets, wrapSecrets, type Props } from "./properties";
import type { SchemaResource } from "./schema";

/** What the engine says about the resource beside its properties. */
export interface ResourceContext {
  /** The resource's name, e.g. `gate`. */
  name: string;
  /** The `customTimeouts` value of this operation in seconds; 0 when none. */
  timeoutSeconds: number;
}

/** A core's methods as the service calls them: properties as the engine sends them (secrets wrapped). */
export interface PluginResource {
  check(olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }>;
  diff(id: string, olds: Props, news: Props): Promise<DiffResult>;
  create(news: Props, context: ResourceContext, preview: boolean): Promise<{ id: string; outs: Props }>;
  update(id: string, olds: Props, news: Props, context: ResourceContext, preview: boolean): Promise<{ outs: Props }>;
  read(id: string, state: Props): Promise<{ id: string; props: Props }>;
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

/** `core` behind the plugin door; `schema` gives the outputs a preview declares unknown. */
export function pluginDoor(core: ResourceCore, schema: () => SchemaResource, defaultApiVersion: string): PluginResource {
  return {
    async check(olds, news) {
      const { values, secrets } = unwrapSecrets(news);
      const result = await core.check(unwrapSecrets(olds).values, values);
      return { inputs: wrapSecrets(result.inputs, secrets), failures: result.failures };
    },

    async diff(id, olds, news) {
      return core.diff(id, unwrapSecrets(olds).values, unwrapSecrets(news).values);
    },

    async create(news, context, preview) {
      const { values, secrets } = unwrapSecrets(news);
      // A preview has no ID yet; the engine fills in its own placeholder.
      if (preview) return { id: "", outs: wrapSecrets(previewOutputs(values, schema(), defaultApiVersion), secrets) };
      return settle(values, secrets, () => core.create(coreInputs(values, context)));
    },

    async update(id, olds, news, context, preview) {
      const old = unwrapSecrets(olds);
      const { values, secrets } = unwrapSecrets(news);
      for (const name of old.secrets) secrets.add(name);
      // Only an update that resumes a wait computes outputs; a ready gate's update is pure.
      if (preview && !core.isReady(old.values)) return { outs: wrapSecrets(previewOutputs(values, schema(), defaultApiVersion), secrets) };
      return settle(values, secrets, () => core.update(id, old.values, coreInputs(values, context)));
    },

    async read(id, state) {
      const { values, secrets } = unwrapSecrets(state);
      const result = await core.read(id, values);
      return { id: result.id, props: wrapSecrets(result.props, secrets) };
    },
  };
}
