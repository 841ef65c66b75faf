/**
 * One resource core, two doors: what every gate resource is, on plain values. The dynamic door
 * (`pulumi/`) and the plugin door (`plugin/`) adapt any core the same way; a core never imports
 * `@pulumi/pulumi` and never sees secrets wrapped or unknown values other than the engine's marker.
 */

/** A property bag of plain values. */
export type Props = Record<string, unknown>;

/** One rejected field, as `dynamic.CheckFailure` and the plugin's CheckFailure carry it. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** What `diff` decides. */
export interface DiffResult {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/**
 * A gate resource on plain values. Inputs carry what the engine tells a plugin but not a dynamic
 * provider: `displayName` (the resource's name, for progress lines) and `timeout` (falling back to
 * `customTimeouts`); each door fills them in.
 */
export interface ResourceCore {
  /** Validates the inputs at preview, naming each bad field and the expected form. */
  check(olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }>;
  diff(id: string, olds: Props, news: Props): Promise<DiffResult>;
  /** Waits; returns the outputs, or throws (a partial failure records a gate not ready). */
  create(inputs: Props): Promise<{ id: string; outs: Props }>;
  /** A refresh: re-reads under the rate limit; an empty ID says the gate is gone. */
  read(id: string, props: Props): Promise<{ id: string; props: Props }>;
  /** Resumes a wait that is not ready; records new tuning of one that is. */
  update(id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
  /** True when recorded outputs say the gate is ready: an update then computes nothing new, so a preview can answer it. */
  isReady(outs: Props): boolean;
}
