/**
 * Where credentials, region and endpoint come from: explicit arguments, then Pulumi stack
 * config (where the caller has it), then the environment, as the tencentcloud provider does.
 */
import { TaskApiError } from "./errors";
import type { ApiVersion, ClientSettings, SignatureMethod } from "./types";
import { parseApiVersion, parseEndpoint, parseRegion } from "../input/fields";

/** Looks up a full stack config key such as `tencentcloud:secretId`; undefined when unset. */
export type ConfigLookup = (key: string) => string | undefined;

/** Settings given explicitly; each overrides stack config and the environment. */
export interface SettingsInput {
  secretId?: string;
  secretKey?: string;
  token?: string;
  region?: string;
  endpoint?: string;
  apiVersion?: ApiVersion;
  signatureMethod?: SignatureMethod;
  requestTimeoutMs?: number;
}

/** Stack config keys and environment variables, in the tencentcloud provider's names. */
export const SETTING_SOURCES = {
  secretId: { config: "tencentcloud:secretId", env: ["TENCENTCLOUD_SECRET_ID"] },
  secretKey: { config: "tencentcloud:secretKey", env: ["TENCENTCLOUD_SECRET_KEY"] },
  token: { config: "tencentcloud:securityToken", env: ["TENCENTCLOUD_SECURITY_TOKEN", "TENCENTCLOUD_SESSION_TOKEN"] },
  region: { config: "tencentcloud:region", env: ["TENCENTCLOUD_REGION"] },
  endpoint: { config: "tencentcloud-redis-task:endpoint", env: ["TENCENTCLOUD_REDIS_ENDPOINT"] },
} as const;

/** Where each setting is looked up: a stack config key and environment variables. */
export type SettingSources = { readonly [name in keyof typeof SETTING_SOURCES]: { readonly config: string; readonly env: readonly string[] } };

/**
 * One setting's value and where it came from (the argument's name, the config key or the
 * variable), for error messages: the explicit argument, then stack config, then the environment.
 */
export function lookupSetting(
  name: keyof typeof SETTING_SOURCES,
  explicit: SettingsInput = {},
  config?: ConfigLookup,
  env: NodeJS.ProcessEnv = process.env,
  sources: SettingSources = SETTING_SOURCES,
): { value?: string; from: string } {
  const given = explicit[name];
  if (given !== undefined && given !== "") return { value: given, from: name };
  const source = sources[name];
  const fromConfig = config?.(source.config);
  if (fromConfig !== undefined && fromConfig !== "") return { value: fromConfig, from: source.config };
  for (const variable of source.env) if (env[variable]) return { value: env[variable], from: variable };
  return { from: name };
}

/** Default per-request timeout: long enough for a slow API answer, short enough to retry within a wait. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/**
 * Resolves the settings for one call. Throws a {@link TaskApiError} of kind `credentials` that
 * names both the config keys and the variables when the secret id, key or region is missing, and
 * an {@link InputError} when a given value has the wrong form. `sources` names the config keys
 * (the provider plugin's own namespace differs from the program's).
 */
export function resolveClientSettings(
  explicit: SettingsInput = {},
  config?: ConfigLookup,
  env: NodeJS.ProcessEnv = process.env,
  sources: SettingSources = SETTING_SOURCES,
): ClientSettings {
  const lookup = (name: keyof typeof SETTING_SOURCES) => lookupSetting(name, explicit, config, env, sources);
  const pick = (name: keyof typeof SETTING_SOURCES): string | undefined => lookup(name).value;
  const parseFrom = <T>(name: "region" | "endpoint", parse: (value: unknown, field: string) => T): T => {
    const { value, from } = lookup(name);
    return parse(value, from);
  };
  const secretId = pick("secretId");
  const secretKey = pick("secretKey");
  const region = parseFrom("region", parseRegion);
  const missing = [!secretId && sources.secretId, !secretKey && sources.secretKey, !region && sources.region].filter(
    (source): source is SettingSources["secretId"] => Boolean(source),
  );
  if (missing.length > 0) {
    const keys = missing.map((s) => s.config).join(", ");
    const vars = missing.map((s) => s.env[0]).join(", ");
    throw new TaskApiError({
      kind: "credentials",
      retryable: false,
      apiMessage: `Tencent Cloud settings are missing: set the stack config ${keys} (pulumi config set [--secret] KEY VALUE) or the environment variables ${vars}`,
    });
  }
  return {
    secretId: secretId!,
    secretKey: secretKey!,
    token: pick("token"),
    region: region!,
    endpoint: parseFrom("endpoint", parseEndpoint),
    apiVersion: parseApiVersion(explicit.apiVersion) ?? "v2",
    signatureMethod: explicit.signatureMethod,
    requestTimeoutMs: explicit.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
}
