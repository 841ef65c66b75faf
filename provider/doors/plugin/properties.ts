/**
 * Property values as the engine exchanges them with a plugin that accepts secrets: a secret is an
 * object `{"4dabf…": "1b47…", value}`, and a value not known during preview is the string
 * `04da6b54-…`. The TaskWait code works on plain values, so the plugin unwraps secrets on the way
 * in, remembers which properties held one, and wraps the outputs of those properties on the way
 * out: a secret input stays secret in state and in every output derived from it.
 */
import { UNKNOWN_VALUE } from "../../resources/checkFields";

/** A property bag as a Struct carries it. */
export type Props = Record<string, unknown>;

/** The key that marks a special value, and the signature of a secret (the engine's constants). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** The value the engine reads as "not known yet" in any position. */
export const UNKNOWN = UNKNOWN_VALUE;

const isSecret = (value: unknown): value is { value: unknown } =>
  typeof value === "object" && value !== null && (value as Props)[SIG_KEY] === SECRET_SIG;

/** `value` with every secret wrapper removed, at any depth; `found` is set when there was one. */
function reveal(value: unknown, found: { secret: boolean }): unknown {
  if (isSecret(value)) {
    found.secret = true;
    return reveal(value.value, found);
  }
  if (Array.isArray(value)) return value.map((item) => reveal(item, found));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reveal(item, found)]));
  }
  return value;
}

/** Plain properties and the names of the top-level properties that held a secret. */
export interface Unwrapped {
  values: Props;
  secrets: Set<string>;
}

/** Removes the secret wrappers, remembering which properties were secret. */
export function unwrapSecrets(props: Props): Unwrapped {
  const values: Props = {};
  const secrets = new Set<string>();
  for (const [key, value] of Object.entries(props)) {
    const found = { secret: false };
    values[key] = reveal(value, found);
    if (found.secret) secrets.add(key);
  }
  return { values, secrets };
}

/** Wraps a value as a secret. */
export function secret(value: unknown): Props {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** `props` with the properties named in `secrets` wrapped as secrets; undefined values dropped (a Struct cannot hold them). */
export function wrapSecrets(props: Props, secrets: ReadonlySet<string>): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    out[key] = secrets.has(key) && !isSecret(value) ? secret(value) : value;
  }
  return out;
}
