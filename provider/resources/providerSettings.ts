/**
 * Stack config as the provider host hands it over in `configure()`: the only way credentials
 * reach the provider besides the environment, so they never enter inputs or the serialized
 * provider, and so never enter state.
 */
import { SETTING_SOURCES, type ConfigLookup, type SettingSources } from "../api/settings";

let configLookup: ConfigLookup | undefined;
let settingSources: SettingSources = SETTING_SOURCES;

/**
 * Remembers the stack config given to `configure()`, for every later call in this process, and
 * the config keys it answers to (the dynamic provider sees `tencentcloud:*`, the plugin its own
 * namespace), so errors name the keys the user can set.
 */
export function setProviderConfig(lookup: ConfigLookup | undefined, sources: SettingSources = SETTING_SOURCES): void {
  configLookup = lookup;
  settingSources = sources;
}

/** The stack config lookup, when the host configured the provider. */
export function providerConfig(): ConfigLookup | undefined {
  return configLookup;
}

/** The config keys {@link providerConfig} answers to. */
export function providerSettingSources(): SettingSources {
  return settingSources;
}
