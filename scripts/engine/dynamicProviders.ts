/**
 * Runs dynamic resources the way the SDK's provider host does: the `__provider` text loaded with
 * the host's own `require-from-string`, without a file name (so its `require()` resolves from the
 * working directory, the program's), configured once per text with the host's own `Config`, then
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
  private readonly requireFromString: (code: string) => { handler(): LoadedProvider };
  private readonly HostConfig: new (raw: Record<string, string>, project: string) => { get(key: string): string | undefined };

  constructor(
    private readonly config: Record<string, string>,
    private readonly project: string,
    /** The program's directory, where the host resolves the SDK (its launcher runs there). */
    programDir: string,
  ) {
    const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [programDir] }));
    this.requireFromString = require(require.resolve("require-from-string", { paths: [sdkDir] }));
    this.HostConfig = require(path.join(sdkDir, "cmd", "dynamic-provider", "config")).Config;
  }

  private load(text: string): Promise<LoadedProvider> {
    let loaded = this.cache.get(text);
    if (!loaded) {
      loaded = (async () => {
        const provider = this.requireFromString(text).handler();
        await provider.configure?.({ config: new this.HostConfig(this.config, this.project) });
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
