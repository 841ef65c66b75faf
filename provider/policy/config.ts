/**
 * Policy config and "not applicable" helpers shared by the policies. Only types come from
 * `@pulumi/policy` (an optional peer dependency), so importing this subpath never loads it.
 */
import type { PolicyConfigSchema, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";

/** The pattern of a duration in config, as `parseDuration` accepts it (strings; numbers are seconds). */
export const DURATION_PATTERN = "^((\\d+(\\.\\d+)?(ms|s|m|h))+|\\d+(\\.\\d+)?)$";

/**
 * The policy's config with the schema's `default`s filled in. The analyzer hands policies the
 * config as given (an empty object when none is), so the defaults the schema advertises are
 * applied here, from the schema itself, to keep one source of truth.
 */
export function configWithDefaults<T extends object>(args: { getConfig<C extends object>(): C }, schema: PolicyConfigSchema): T {
  const given = (args.getConfig<Record<string, unknown>>() ?? {}) as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    if (property.default !== undefined) result[key] = property.default;
  }
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined && value !== null) result[key] = value;
  }
  return result as T;
}

/**
 * Marks the policy not applicable to this resource or stack, with `reason` (the analyzer lists it
 * instead of a violation). `@pulumi/policy` releases before `notApplicable` existed get a plain
 * return, so callers write `return skip(...)`.
 */
export function skip(args: ResourceValidationArgs | StackValidationArgs, reason: string): void {
  if (typeof args.notApplicable === "function") args.notApplicable(reason);
}
