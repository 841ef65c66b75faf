/**
 * Which Redis instance a resource of the stack acts on, as `redis-instance-busy` reads it from the
 * stack view: the `instanceId` property of the instance's sub-resources (accounts, parameters,
 * backup config …), and for the instance itself its recorded `id`. The engine gives a stack policy
 * the checked inputs (no `id`) of a resource it would update, so an instance being changed is
 * recognised through the resources wired to it: one whose `instanceId` property depends on that
 * instance alone carries its ID.
 */
import type { PolicyResource } from "@pulumi/policy";
import { INSTANCE_ID_PATTERN } from "../input/instanceFields";
import { readProperty } from "./resources";

/** The instance a resource acts on, why it cannot be told, or nothing when it acts on none. */
export type InstanceTarget = { instanceId: string } | { skip: string } | undefined;

/** How a message names a resource: `Resource "cache" (tencentcloud:Redis/instance:Instance)`. */
export function resourceLabel(resource: Pick<PolicyResource, "name" | "type">): string {
  return `Resource ${JSON.stringify(resource.name)} (${resource.type})`;
}

/** A known instance ID of the console's form, or why not. */
function instanceIdIn(resource: PolicyResource, key: string): InstanceTarget {
  const read = readProperty(resource.props, key);
  if (!read.known) return { skip: `${resourceLabel(resource)}: ${read.reason}; checked again at the next preview` };
  if (read.value === undefined || read.value === null || read.value === "") return undefined;
  if (typeof read.value === "string" && INSTANCE_ID_PATTERN.test(read.value)) return { instanceId: read.value };
  return { skip: `${resourceLabel(resource)}: ${key} ${JSON.stringify(read.value)} is not a Redis instance ID ("crs-" and 8 lower-case letters or digits)` };
}

/** The ID of the instance resource `instance`, from the stack's resources wired to it. */
function idFromDependents(instance: PolicyResource, stack: readonly PolicyResource[]): string | undefined {
  for (const resource of stack) {
    const sources = resource.propertyDependencies?.instanceId ?? [];
    if (sources.length !== 1 || sources[0]?.urn !== instance.urn) continue;
    const target = instanceIdIn(resource, "instanceId");
    if (target && "instanceId" in target) return target.instanceId;
  }
  return undefined;
}

/**
 * The instance `resource` acts on. `isInstance` says whether its type is the instance itself;
 * other resources act on their `instanceId`, or on no instance when they have none.
 */
export function instanceTarget(resource: PolicyResource, isInstance: boolean, stack: readonly PolicyResource[]): InstanceTarget {
  if (!isInstance) return instanceIdIn(resource, "instanceId");
  const recorded = instanceIdIn(resource, "id");
  if (recorded && "instanceId" in recorded) return recorded;
  const wired = idFromDependents(resource, stack);
  if (wired) return { instanceId: wired };
  // A new instance has no tasks anyone else started, and its own creation is what the deployment does.
  return undefined;
}
