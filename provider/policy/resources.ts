/**
 * How the policies see resources: recognizing a TaskWait by its type token (dynamic resources have
 * no `__pulumiType`, so `isType` cannot), reading properties that may still be unknown during
 * preview, and naming resources in messages.
 */
import { TASK_WAIT_TYPE } from "../resources/taskWait/types";
import { TASK_WAIT_TOKEN } from "../doors/plugin/tokens";
import { redactRequestId } from "../resources/secretRequestId";

/**
 * The placeholders the engine sends for values not known during preview, one per kind of value
 * (boolean, number, string, array, asset, archive, object), as `@pulumi/policy` defines them.
 */
const UNKNOWN_SENTINELS = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** A property read: its value, or why it is not known yet. */
export type PropertyRead = { known: true; value: unknown } | { known: false; reason: string };

/** True for the error `@pulumi/policy`'s property proxy throws on an unknown value (its class is internal). */
function isUnknownValueError(error: unknown): error is Error {
  return error instanceof Error && (error.constructor?.name === "UnknownValueError" || /can't be known during preview/.test(error.message));
}

/**
 * Reads `props[key]`. The analyzer wraps props in a proxy that throws when a value is unknown
 * during preview; that, or a raw unknown placeholder, comes back as `known: false`. Any other
 * error propagates.
 */
export function readProperty(props: Record<string, unknown>, key: string): PropertyRead {
  let value: unknown;
  try {
    value = props[key];
  } catch (error) {
    if (isUnknownValueError(error)) return { known: false, reason: `${key} is not known yet (${error.message})` };
    throw error;
  }
  if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) return { known: false, reason: `${key} is not known yet during preview` };
  return { known: true, value };
}

/** The TaskWait's type tokens: the dynamic resource's and the provider plugin's. */
export const TASK_WAIT_TYPES: readonly string[] = [TASK_WAIT_TYPE, TASK_WAIT_TOKEN];

/**
 * True when `type` is a TaskWait token: `pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait` (the
 * dynamic resource) or `tencentcloud-redis-task:index:TaskWait` (the provider plugin's, any language).
 */
export function isTaskWait(type: string): boolean {
  return TASK_WAIT_TYPES.includes(type);
}

/** How messages name a TaskWait: `TaskWait "gate"`. */
export function taskWaitLabel(name: string): string {
  return `TaskWait ${JSON.stringify(name)}`;
}

/**
 * Compiles type patterns in which `*` stands for any run of characters (`tencentcloud:Redis/*`,
 * `*:Instance`) into one matcher; everything else matches literally.
 */
export function typeMatcher(patterns: readonly string[]): (type: string) => boolean {
  const compiled = patterns.map((pattern) => new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`));
  return (type) => compiled.some((re) => re.test(type));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * `text` as a message about a TaskWait may show it: with `requestId` redacted when the gate
 * records its requestId as secret (`requestIdIsSecret`, set by both doors), unchanged otherwise.
 */
export function shownFor(props: Record<string, unknown>, text: string, requestId: unknown): string {
  const secret = readProperty(props, "requestIdIsSecret");
  return secret.known && secret.value === true ? redactRequestId(text, requestId) : text;
}
