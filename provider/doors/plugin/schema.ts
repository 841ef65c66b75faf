/**
 * The plugin's Pulumi package schema (`schema.json` at the package root, where `pulumi package
 * gen-sdk` reads it too) and its version (the npm package's, so plugin and package never differ).
 */
import * as fs from "fs";
import * as path from "path";
import { TASK_WAIT_TOKEN } from "./tokens";

const NPM_NAME = "pulumi-tencentcloud-redis-task";

/** The package root: compiled code runs two levels deeper (`dist/`) than the sources, so search upward. */
function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === NPM_NAME) return dir;
    if (path.dirname(dir) === dir) throw new Error(`${NPM_NAME}: package.json not found above ${from}`);
  }
}

/** What the plugin reads of a resource's schema: its input and output properties. */
export interface SchemaResource {
  inputProperties: Record<string, unknown>;
  properties: Record<string, unknown>;
}

/** The schema as a parsed object, the text `GetSchema` serves, and the version `GetPluginInfo` reports. */
export interface PluginSchema {
  text: string;
  version: string;
  /** Where the engine downloads the plugin's release archives (`github://api.github.com/<owner>/<repo>`). */
  pluginDownloadURL: string;
  taskWait: SchemaResource;
  /** Every resource of the schema, by type token. */
  resources: Record<string, SchemaResource>;
}

/**
 * Schema text and version compiled into the release executable (scripts/dist defines it), which
 * has no package directory beside it; undefined when running from the npm package.
 */
declare const REDIS_TASK_EMBEDDED_SCHEMA: { text: string; version: string } | undefined;

/** The schema text and the package version, from the release build or the package directory. */
function schemaSource(): { text: string; version: string } {
  if (typeof REDIS_TASK_EMBEDDED_SCHEMA !== "undefined") return REDIS_TASK_EMBEDDED_SCHEMA;
  const root = packageRoot();
  return {
    text: fs.readFileSync(path.join(root, "schema.json"), "utf8"),
    version: JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version,
  };
}

let loaded: PluginSchema | undefined;

/** Reads the schema once per process. */
export function pluginSchema(): PluginSchema {
  if (loaded) return loaded;
  const { text, version } = schemaSource();
  const parsed = JSON.parse(text);
  loaded = { text, version, pluginDownloadURL: parsed.pluginDownloadURL, taskWait: parsed.resources[TASK_WAIT_TOKEN], resources: parsed.resources };
  return loaded;
}
