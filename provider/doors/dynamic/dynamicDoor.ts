/**
 * The dynamic door: any resource core as the dynamic-provider host calls it (through a stub that
 * `require()`s this package by name, see `providerStub.ts`). Each method first applies the stashed
 * Configure request; nothing else happens here, so both doors behave alike.
 */
import { withinOperation } from "../../gate/cancellation";
import { configureRateLimit } from "../../gate/rateLimit";
import type { ResourceCore } from "../../resources/core";
import { watchHostCancel } from "./hostCancel";
import { providerConfig, setProviderConfig } from "../../resources/providerSettings";
import { CONFIGURE_SLOT } from "./providerStub";

/** What the host's `configure` passes: the stack config, secrets decrypted. */
export interface ConfigureRequest {
  config: { get(key: string): string | undefined };
}

/** Applies the host's Configure: stack config for settings, the rate limit, Ctrl-C. */
export async function configureFromHost(req: ConfigureRequest): Promise<void> {
  setProviderConfig((key) => req.config.get(key));
  configureRateLimit(providerConfig());
  // The host configures a provider before any other call; the plugin has a Cancel of its own.
  watchHostCancel();
}

/** The Configure request that the serialized stub stashed, applied once on first use. */
export async function applyStashedConfigure(): Promise<void> {
  const slot = globalThis as Record<string, unknown>;
  const request = slot[CONFIGURE_SLOT] as ConfigureRequest | undefined;
  if (request === undefined) return;
  delete slot[CONFIGURE_SLOT];
  await configureFromHost(request);
}

type Props = Record<string, unknown>;

/**
 * `core` with the dynamic host's method names, each applying the stashed Configure first. No
 * `delete`: the host then deletes without a call. Create, update and read begin an operation on
 * entry, so the host's Cancel during the awaits before the wait still ends it.
 */
export function dynamicDoor(core: ResourceCore) {
  const configured = async <T>(method: () => Promise<T>): Promise<T> => (await applyStashedConfigure(), method());
  return {
    configure: configureFromHost,
    check: (olds: Props, news: Props) => configured(() => core.check(olds, news)),
    diff: (id: string, olds: Props, news: Props) => configured(() => core.diff(id, olds, news)),
    create: (inputs: Props) => withinOperation(() => configured(() => core.create(inputs))),
    read: (id: string, props: Props) => withinOperation(() => configured(() => core.read(id, props))),
    update: (id: string, olds: Props, news: Props) => withinOperation(() => configured(() => core.update(id, olds, news))),
  };
}
