/**
 * Runs dynamic resources the way the provider host does: the `__provider` text deserialized
 * with require-from-string (the host's own loader), configured once with the stack config, then
 * `check` and `create` called with the registered inputs.
 */
import * as path from "path";

type Props = Record<string, unknown>;
interface LoadedProvider {
  configure?: (req: { config: { get(key: string): string | undefined } }) => Promise<void>;
  check?: (olds: Props, news: Props) => Promise<{ inputs?: Props; failures?: { property: string; reason: string }[] }>;
  create: (inputs: Props) => Promise<{ id: string; outs?: Props }>;
}

/** Loads, configures and calls serialized dynamic providers, caching them per text like the host. */
export class DynamicProviders {
  private readonly cache = new Map<string, Promise<LoadedProvider>>();
  private readonly requireFromString: (code: string, filename?: string) => { handler(): LoadedProvider };

  constructor(
    private readonly config: Record<string, string>,
    /** Where the text's `require()` calls resolve from: the program's directory, as for the host. */
    private readonly projectDir: string,
  ) {
    const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [projectDir] }));
    this.requireFromString = require(require.resolve("require-from-string", { paths: [sdkDir] }));
  }

  private load(text: string): Promise<LoadedProvider> {
    let loaded = this.cache.get(text);
    if (!loaded) {
      loaded = (async () => {
        const provider = this.requireFromString(text, path.join(this.projectDir, "__dynamic_provider.js")).handler();
        await provider.configure?.({ config: { get: (key: string) => this.config[key] } });
        return provider;
      })();
      this.cache.set(text, loaded);
    }
    return loaded;
  }

  /** check + create, as `pulumi up` does for a new dynamic resource; throws what the engine would report. */
  async create(type: string, name: string, inputs: Props): Promise<{ id: string; state: Props }> {
    const text = inputs.__provider;
    if (typeof text !== "string") throw new Error(`${type} ${name}: no serialized provider in its inputs`);
    const provider = await this.load(text);
    let checked = inputs;
    if (provider.check) {
      const result = await provider.check({}, inputs);
      if (result.failures && result.failures.length > 0) {
        throw new Error(`${name}: ${result.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
      }
      checked = result.inputs ?? inputs;
    }
    const created = await provider.create(checked);
    return { id: created.id, state: { ...created.outs, __provider: text } };
  }
}
