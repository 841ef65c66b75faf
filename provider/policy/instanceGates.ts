/**
 * What "a gate in the stack covers this task" means for `redis-instance-busy`, decided on the
 * stack view alone (no API call). A running task T of instance X is covered for a resource R when
 * R depends, directly or transitively through `dependencies` and `propertyDependencies`, on
 *  - an InstanceIdle whose `instanceId` is X and whose `taskTypes`, if set, name T's type
 *    (it waits until no such task runs on X), or
 *  - a TaskWait whose `requestId` is T's task ID (it waits for T itself).
 * `parent` is not followed, as in `redis-task-gate-required`: a parent's dependencies do not
 * order its children in the engine. A gate value not known yet at preview (an InstanceIdle on an
 * instance being created, a TaskWait on a task ID another resource outputs) counts as covering:
 * the policy is advisory and warns only where it is sure nothing waits.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { InstanceTask } from "../api/taskList";
import { INSTANCE_IDLE_TOKEN } from "../doors/plugin/tokens";
import { INSTANCE_IDLE_TYPE } from "../resources/instanceIdle/types";
import { transitiveDependencies } from "./dependencies";
import { isTaskWait, readProperty } from "./resources";

/** The InstanceIdle's type tokens: the dynamic resource's and the provider plugin's. */
export const INSTANCE_IDLE_TYPES: readonly string[] = [INSTANCE_IDLE_TYPE, INSTANCE_IDLE_TOKEN];

/** True when `type` is an InstanceIdle token, of either door. */
export function isInstanceIdle(type: string): boolean {
  return INSTANCE_IDLE_TYPES.includes(type);
}

/** A property's value, or `UNKNOWN` while preview cannot know it. */
const UNKNOWN = Symbol("unknown");
function valueOf(resource: PolicyResource, key: string): unknown {
  const read = readProperty(resource.props, key);
  return read.known ? read.value : UNKNOWN;
}

/** True when `gate` (a resource R depends on) waits for `task` of `instanceId`, as defined above. */
export function gateCovers(gate: PolicyResource, instanceId: string, task: InstanceTask): boolean {
  if (isTaskWait(gate.type)) {
    const requestId = valueOf(gate, "requestId");
    return requestId === UNKNOWN || Number(requestId) === task.taskId;
  }
  if (!isInstanceIdle(gate.type)) return false;
  const gated = valueOf(gate, "instanceId");
  if (gated !== UNKNOWN && gated !== instanceId) return false;
  const taskTypes = valueOf(gate, "taskTypes");
  if (taskTypes === UNKNOWN || !Array.isArray(taskTypes) || taskTypes.length === 0) return true;
  return taskTypes.includes(task.taskType);
}

/** The tasks of `instanceId` that no gate among `resource`'s dependencies waits for. */
export function ungatedTasks(resource: PolicyResource, instanceId: string, tasks: readonly InstanceTask[]): InstanceTask[] {
  const gates = transitiveDependencies(resource).filter((dependency) => isTaskWait(dependency.type) || isInstanceIdle(dependency.type));
  return tasks.filter((task) => !gates.some((gate) => gateCovers(gate, instanceId, task)));
}
