/** What the plugin's Node.js resources share: their inputs named as the schema declares them, and the plugin version and download URL they pin. */
import type * as pulumi from "@pulumi/pulumi";
import { pluginSchema } from "../plugin/schema";

/**
 * Every property of the resource's schema named, as generated SDKs do: each becomes an Output of
 * the object; the computed ones start undefined.
 */
export function schemaInputs(token: string, args: object): pulumi.Inputs {
  const given = args as Record<string, pulumi.Input<unknown> | undefined>;
  return Object.fromEntries(Object.keys(pluginSchema().resources[token].properties).map((name) => [name, given[name]]));
}

/**
 * `opts` pinned to the plugin version this package ships and to where the engine downloads it
 * when it is not installed, as generated SDKs send theirs.
 */
export function pinned<T extends object>(opts: T): T & { version: string; pluginDownloadURL: string } {
  const { version, pluginDownloadURL } = pluginSchema();
  return { version, pluginDownloadURL, ...opts };
}
