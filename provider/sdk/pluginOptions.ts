/**
 * The options every resource and call of this SDK sends, as generated SDKs send theirs: the plugin
 * version this package ships and where the engine downloads it when it is not installed.
 */
import { pluginSchema } from "../plugin/schema";

/** `{version, pluginDownloadURL}` from the package's schema. */
export function pluginOptions(): { version: string; pluginDownloadURL: string } {
  const { version, pluginDownloadURL } = pluginSchema();
  return { version, pluginDownloadURL };
}
