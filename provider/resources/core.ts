/**
 * One resource core, two doors: what every gate resource is, on plain values. The dynamic door
 * (`doors/dynamic/`) and the plugin door (`doors/plugin/`) adapt any core the same way; a core never imports
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
  /** Every property that differs (replaced, retuned, or an output the update recomputes), for the engine to show. */
  diffs: string[];
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
  /**
   * Inputs whose secrecy the core must know, each with the boolean input that tells it (e.g.
   * `requestId` → `requestIdIsSecret`): the core then keeps the value out of the resource ID,
   * progress lines and messages. The dynamic resource sets the flag from `pulumi.isSecret`; the
   * plugin door from the engine's secret wrapper. The flag is never a schema input.
   */
  secretFlags?: Readonly<Record<string, string>>;
  /**
   * `pulumi import` through the plugin (a Read with an ID and no state): the state and inputs the
   * gate with ID `id` starts from. Absent: the resource cannot be imported.
   */
  imported?(id: string): { state: Props; inputs: Props };
}
