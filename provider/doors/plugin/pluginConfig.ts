/**
 * The plugin's configuration. The engine hands a provider only its own namespace: the stack config
 * `tencentcloud-redis-task:region` arrives as `region`, and `tencentcloud:*` keys never reach it
 * (engine `host.go` filters `PULUMI_CONFIG` by package; `Configure` carries the provider's own
 * inputs). So the plugin answers to `tencentcloud-redis-task:*` keys and the same
 * `TENCENTCLOUD_*` variables as the dynamic provider.
 */
import { InputError } from "../../api/errors";
import { SETTING_SOURCES, type ConfigLookup, type SettingSources } from "../../api/settings";
import { RATE_LIMIT_SOURCES, configuredRateLimit } from "../../gate/rateLimit";
import { parseEndpoint, parseRegion } from "../../input/fields";
import { secret, unwrapSecrets, UNKNOWN, type Props } from "./properties";
import type { CheckFailure } from "../../resources/core";
import { PLUGIN_PACKAGE } from "./tokens";

/** The settings' config keys in the plugin's namespace (`tencentcloud:secretId` → `tencentcloud-redis-task:secretId`). */
export const PLUGIN_SETTING_SOURCES: SettingSources = Object.fromEntries(
  Object.entries(SETTING_SOURCES).map(([name, source]) => [name, { ...source, config: `${PLUGIN_PACKAGE}:${source.config.split(":")[1]}` }]),
) as unknown as SettingSources;

/** Config names holding credentials: always stored as secrets, however they were set. */
const SECRET_CONFIG = ["secretKey", "securityToken"];

/** A config value as text, as stack config holds it (objects and numbers arrive JSON-typed). */
const asText = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * The configuration from a `Configure` request: its `args` (the provider's inputs, secrets
 * wrapped), or for an engine that sends only the older `variables` (`pkg:config:name` keys) those.
 */
export function configValues(args: Props | undefined, variables: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  if (args && Object.keys(args).length > 0) {
    for (const [name, value] of Object.entries(unwrapSecrets(args).values)) {
      if (name !== "version" && value !== undefined && value !== null) values[name] = asText(value);
    }
    return values;
  }
  const prefix = `${PLUGIN_PACKAGE}:config:`;
  for (const [key, value] of Object.entries(variables)) if (key.startsWith(prefix)) values[key.slice(prefix.length)] = value;
  return values;
}

/** A lookup of full config keys (`tencentcloud-redis-task:region`) over the configuration's names. */
export function pluginConfigLookup(values: Record<string, string>): ConfigLookup {
  const prefix = `${PLUGIN_PACKAGE}:`;
  return (key) => (key.startsWith(prefix) ? values[key.slice(prefix.length)] : undefined);
}

/**
 * `CheckConfig`: the provider's inputs validated, naming the stack config key and the expected
 * form, with the secret key and token marked secret so that state never holds them in plain text.
 */
export function checkPluginConfig(news: Props): { inputs: Props; failures: CheckFailure[] } {
  const { values } = unwrapSecrets(news);
  const failures: CheckFailure[] = [];
  const known = (name: string) => values[name] !== undefined && values[name] !== UNKNOWN;
  const attempt = (name: string, validate: () => unknown) => {
    if (!known(name)) return;
    try {
      validate();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failures.push({ property: name, reason: error.message });
    }
  };
  attempt("region", () => parseRegion(values.region, PLUGIN_SETTING_SOURCES.region.config));
  attempt("endpoint", () => parseEndpoint(values.endpoint, PLUGIN_SETTING_SOURCES.endpoint.config));
  attempt("rateLimitPerSecond", () => configuredRateLimit((key) => (key === RATE_LIMIT_SOURCES.config ? asText(values.rateLimitPerSecond) : undefined), {}));
  const inputs: Props = { ...news };
  for (const name of SECRET_CONFIG) if (known(name)) inputs[name] = secret(values[name]);
  return { inputs, failures };
}
