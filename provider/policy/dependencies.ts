/**
 * The resources a stack resource is ordered after. Only `dependencies` and `propertyDependencies`
 * order resources in the engine: a parent's dependencies do not delay its children, so `parent`
 * is deliberately not followed.
 */
import type { PolicyResource } from "@pulumi/policy";

/** Every resource `resource` depends on, directly or transitively, itself excluded. */
export function transitiveDependencies(resource: PolicyResource): PolicyResource[] {
  const seen = new Set<string>([resource.urn]);
  const found: PolicyResource[] = [];
  const pending = [resource];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const next = [...(current.dependencies ?? []), ...Object.values(current.propertyDependencies ?? {}).flat()];
    for (const dependency of next) {
      if (!dependency || seen.has(dependency.urn)) continue;
      seen.add(dependency.urn);
      found.push(dependency);
      pending.push(dependency);
    }
  }
  return found;
}
