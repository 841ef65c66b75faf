/**
 * What `pulumi preview --json` streams with PULUMI_ENABLE_STREAMING_JSON_PREVIEW: one engine event
 * per line. The resource outputs events carry the outputs the provider planned, with the engine's
 * unknown placeholder where a value is known only after the update.
 */
import type { CliRun } from "./pulumiStack";

/** The environment that makes `preview --json` stream events. */
export const STREAMING_PREVIEW = { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" };

/** The engine events of a streamed preview. */
export function previewEvents(run: CliRun): Record<string, any>[] {
  return run.stdout
    .split("\n")
    .filter((line) => line.trim().startsWith("{"))
    .map((line) => JSON.parse(line));
}

/** The planned outputs of the resource named `name`. */
export function plannedOutputs(run: CliRun, name: string): Record<string, unknown> | undefined {
  const event = previewEvents(run).find((e) => e.resOutputsEvent?.metadata?.urn?.endsWith(`::${name}`));
  return event?.resOutputsEvent.metadata.new?.outputs;
}
