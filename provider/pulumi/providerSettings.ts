/**
 * Stack config as the provider host hands it over in `configure()`: the only way credentials
 * reach the provider besides the environment, so they never enter inputs or the serialized
 * provider, and so never enter state.
 */
import type { ConfigLookup } from "../api/settings";

let configLookup: ConfigLookup | undefined;

/** Remembers the stack config given to `configure()`, for every later call in this process. */
export function setProviderConfig(lookup: ConfigLookup | undefined): void {
  configLookup = lookup;
}

/** The stack config lookup, when the host configured the provider. */
export function providerConfig(): ConfigLookup | undefined {
  return configLookup;
}

