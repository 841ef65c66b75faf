/**
 * What a gate's outputs will be, as `pulumi preview` shows them before anything waits. The
 * engine asks the plugin (it reports preview support) instead of copying the inputs: the outputs
 * the wait computes are *unknown*, so dependents, stack outputs and policies see "known after
 * the update" rather than a missing or made-up status.
 */
import { lookupSetting } from "../../api/settings";
import { providerConfig, providerSettingSources } from "../../resources/providerSettings";
import type { SchemaResource } from "./schema";
import { UNKNOWN, type Props } from "./properties";

/**
 * The outputs of a gate that will wait: the inputs as given (unknown ones stay unknown), the
 * region and API version it will use when they are already known, every other output the
 * schema declares and the inputs do not set unknown.
 */
export function previewOutputs(inputs: Props, schema: SchemaResource, defaultApiVersion: string): Props {
  const outs: Props = { ...inputs };
  outs.apiVersion ??= defaultApiVersion;
  outs.region ??= lookupSetting("region", {}, providerConfig(), process.env, providerSettingSources()).value ?? UNKNOWN;
  for (const name of Object.keys(schema.properties)) {
    // Inputs left out stay out (they are recorded only as given); computed outputs are unknown.
    if (!(name in schema.inputProperties)) outs[name] ??= UNKNOWN;
  }
  return outs;
}
