/**
 * Calls policies the way the analyzer does, without the analyzer: args objects built from a
 * happy path, a `reportViolation` that records, and a `notApplicable` that throws as the real one
 * does (so a policy cannot carry on after calling it).
 */
import type { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { TASK_WAIT_TYPE } from "../../provider/resources/taskWait/types";

// The analyzer's own proxy over props: reading an unknown value throws its UnknownValueError.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy, unknownNumberValue, unknownStringValue } = require("@pulumi/policy/proxy");
export { unknownCheckingProxy, unknownNumberValue, unknownStringValue };

/** What one policy run produced. */
export interface Outcome {
  violations: { message: string; urn?: string }[];
  /** The reason given to `notApplicable`, when the policy called it. */
  notApplicable?: string;
}

class NotApplicable extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "not applicable");
  }
}

export const urnOf = (type: string, name: string) => `urn:pulumi:dev::redis-app::${type}::${name}`;

/** A resource as a resource policy sees it; override any field. */
export interface ResourceCase {
  type?: string;
  name?: string;
  props?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

/** Runs a resource policy on a TaskWait named `gate` with `props` (the happy path is the caller's). */
export async function runResource(policy: ResourceValidationPolicy, c: ResourceCase): Promise<Outcome> {
  const type = c.type ?? TASK_WAIT_TYPE;
  const name = c.name ?? "gate";
  const outcome: Outcome = { violations: [] };
  const args = {
    type,
    name,
    urn: urnOf(type, name),
    props: c.props ?? {},
    opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: () => c.config ?? {},
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  } as unknown as ResourceValidationArgs;
  const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
  try {
    for (const validate of validations) await validate(args, (message, urn) => outcome.violations.push(urn === undefined ? { message } : { message, urn }));
  } catch (error) {
    if (!(error instanceof NotApplicable)) throw error;
    outcome.notApplicable = error.reason;
  }
  return outcome;
}

/** A stack resource before linking: dependencies by name. */
export interface StackResourceSpec {
  type: string;
  name: string;
  props?: Record<string, unknown>;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  parent?: string;
}

/** Links specs into PolicyResources as the analyzer does: dependencies become resource objects. */
export function stackResources(specs: StackResourceSpec[]): PolicyResource[] {
  const byName = new Map<string, PolicyResource>();
  for (const spec of specs) {
    byName.set(spec.name, {
      type: spec.type,
      name: spec.name,
      urn: urnOf(spec.type, spec.name),
      props: spec.props ?? {},
      opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
      dependencies: [],
      propertyDependencies: {},
      isType: () => false,
      asType: () => undefined,
    } as PolicyResource);
  }
  const get = (name: string) => {
    const resource = byName.get(name);
    if (!resource) throw new Error(`no resource ${name} in the test stack`);
    return resource;
  };
  for (const spec of specs) {
    const resource = get(spec.name);
    resource.dependencies = (spec.dependencies ?? []).map(get);
    resource.propertyDependencies = Object.fromEntries(Object.entries(spec.propertyDependencies ?? {}).map(([key, names]) => [key, names.map(get)]));
    if (spec.parent) resource.parent = get(spec.parent);
  }
  return [...byName.values()];
}

/** Runs a stack policy over `resources` with `config`. */
export async function runStack(policy: StackValidationPolicy, resources: PolicyResource[], config: Record<string, unknown> = {}): Promise<Outcome> {
  const outcome: Outcome = { violations: [] };
  const args = {
    resources,
    stackTags: new Map(),
    getConfig: () => config,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  } as unknown as StackValidationArgs;
  try {
    await policy.validateStack(args, (message, urn) => outcome.violations.push(urn === undefined ? { message } : { message, urn }));
  } catch (error) {
    if (!(error instanceof NotApplicable)) throw error;
    outcome.notApplicable = error.reason;
  }
  return outcome;
}
