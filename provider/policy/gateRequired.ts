/**
 * `redis-task-gate-required`: resources that must not be touched while a Redis task runs (the
 * instance's accounts, parameter templates, the services that connect to it …) are ordered after
 * a TaskWait. Only `dependencies` and `propertyDependencies` order resources in the engine: a
 * parent's dependencies do not delay its children, so `parent` is deliberately not followed.
 */
import type { PolicyConfigSchema, PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configWithDefaults, skip } from "./config";
import { transitiveDependencies } from "./dependencies";
import { isTaskWait, typeMatcher } from "./resources";

/** Config of {@link redisTaskGateRequired}. */
export interface GateRequiredConfig {
  /** Type tokens that must depend on a TaskWait; `*` matches any run of characters. Default none. */
  gatedTypes: string[];
}

/** Config schema of {@link redisTaskGateRequired}. */
export const gateRequiredConfigSchema: PolicyConfigSchema = {
  properties: {
    gatedTypes: {
      type: "array",
      items: { type: "string", minLength: 1 },
      default: [],
      description: 'Type tokens of resources that must depend on a TaskWait, "*" matching any characters, e.g. "tencentcloud:Redis/*".',
    },
  },
};

/** True when `resource` reaches a TaskWait through its dependencies (direct or transitive). */
function dependsOnTaskWait(resource: PolicyResource): boolean {
  return transitiveDependencies(resource).some((dependency) => isTaskWait(dependency.type));
}

/**
 * Stack policy (advisory by default): every resource whose type matches `gatedTypes` depends,
 * directly or transitively, on a TaskWait. The violation names the resource and its type, e.g.
 * `Resource "cache-account" (tencentcloud:Redis/account:Account) does not depend on a TaskWait, …`.
 */
export const redisTaskGateRequired: StackValidationPolicy = {
  name: "redis-task-gate-required",
  description: "Resources of the configured gatedTypes depend, directly or transitively, on a TaskWait.",
  enforcementLevel: "advisory",
  configSchema: gateRequiredConfigSchema,
  validateStack: (args, reportViolation) => {
    const { gatedTypes } = configWithDefaults<GateRequiredConfig>(args, gateRequiredConfigSchema);
    if (gatedTypes.length === 0) return skip(args, "no gatedTypes configured");
    const gated = typeMatcher(gatedTypes);
    for (const resource of args.resources) {
      if (isTaskWait(resource.type) || !gated(resource.type) || dependsOnTaskWait(resource)) continue;
      reportViolation(
        `Resource ${JSON.stringify(resource.name)} (${resource.type}) does not depend on a TaskWait, directly or transitively: ` +
          "add the TaskWait to its dependsOn so it waits for the Redis task to succeed",
        resource.urn,
      );
    }
  },
};
