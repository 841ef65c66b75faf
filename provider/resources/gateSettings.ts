/**
 * The settings a gate calls with, as both gate cores resolve and compare them: its inputs first,
 * then the provider's configuration (stack config or the plugin's), then the environment.
 */
import { lookupSetting, resolveClientSettings } from "../api/settings";
import type { ApiVersion, ClientSettings } from "../api/types";
import { parseEndpoint } from "../input/fields";
import { providerConfig, providerSettingSources } from "./providerSettings";
import type { DiffResult } from "./core";

/** The inputs a gate's settings come from. */
export interface GateSettingInputs {
  region?: string;
  endpoint?: string;
  apiVersion?: ApiVersion;
}

/** Settings for a gate's calls; `defaultApiVersion` applies when the input names none. */
export function gateSettings(inputs: GateSettingInputs, defaultApiVersion: ApiVersion): ClientSettings {
  return resolveClientSettings(
    { region: inputs.region, endpoint: inputs.endpoint, apiVersion: inputs.apiVersion ?? defaultApiVersion },
    providerConfig(),
    process.env,
    providerSettingSources(),
  );
}

/** The region a gate without a `region` input would use now, if one is configured. */
export function defaultRegion(): string | undefined {
  return lookupSetting("region", {}, providerConfig(), process.env, providerSettingSources()).value;
}

/** The endpoint a gate without an `endpoint` input would use now (config, environment), normalized; undefined: the public one. */
export function defaultEndpoint(): string | undefined {
  return parseEndpoint(lookupSetting("endpoint", {}, providerConfig(), process.env, providerSettingSources()).value);
}

/**
 * The setting fields whose change replaces a gate: `region` is recorded resolved (an input left
 * out stands for the configured default); either side without an `endpoint` stands for the
 * configured default, so removing an endpoint equal to it changes nothing.
 */
export function replacedSettings(olds: Record<string, unknown>, news: Record<string, unknown>, defaultApiVersion: ApiVersion): string[] {
  const replaces: string[] = [];
  const changed = (field: string, oldValue: unknown, newValue: unknown) => {
    if (String(oldValue ?? "") !== String(newValue ?? "")) replaces.push(field);
  };
  changed("region", olds.region, news.region ?? defaultRegion() ?? olds.region);
  changed("endpoint", parseEndpoint(olds.endpoint) ?? defaultEndpoint(), parseEndpoint(news.endpoint) ?? defaultEndpoint());
  changed("apiVersion", olds.apiVersion ?? defaultApiVersion, news.apiVersion ?? defaultApiVersion);
  return replaces;
}

/** A value as diffs compare it: `60` and `"60"` alike, absent and empty alike, lists by their items. */
const asText = (value: unknown) => (typeof value === "object" && value !== null ? JSON.stringify(value) : String(value ?? ""));

/** Those of `fields` that differ between `olds` and `news`. */
export function changedFields<F extends string>(olds: Record<string, unknown>, news: Record<string, unknown>, fields: readonly F[]): F[] {
  return fields.filter((field) => asText(olds[field]) !== asText(news[field]));
}

/**
 * What a gate's diff decides, with the properties it names (the engine shows them; the plugin
 * reports them as `diffs` and `detailedDiff`): the replaced and retuned inputs, and `readyOutput`
 * (e.g. `status`) for a gate not recorded as ready, whose update resumes the wait.
 */
export function gateDiff(replaces: string[], tuned: readonly string[], readyOutput: string, notReady: boolean): DiffResult {
  // displayName is the resource's name, which the engine shows anyway.
  const named = [...replaces, ...tuned.filter((field) => field !== "displayName")];
  return {
    changes: replaces.length > 0 || tuned.length > 0 || notReady,
    replaces,
    diffs: notReady ? [...named, readyOutput] : named,
    deleteBeforeReplace: false,
  };
}

/**
 * A ready gate's outputs with new tuning recorded, without waiting again; a removed setting is
 * dropped (a protobuf Struct cannot carry undefined), so the next diff sees no change.
 */
export function retuned(olds: Record<string, unknown>, news: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const outs: Record<string, unknown> = { ...olds };
  for (const field of fields) {
    if (news[field] === undefined || news[field] === null) delete outs[field];
    else outs[field] = news[field];
  }
  return outs;
}

/** The inputs every gate shares: where to call and how long and how often to wait. */
export interface GateInputs extends GateSettingInputs {
  timeout?: string | number;
  minPollInterval?: string | number;
  maxPollInterval?: string | number;
  /** The resource's logical name, for progress lines: a dynamic provider is never told it. */
  displayName?: string;
}
