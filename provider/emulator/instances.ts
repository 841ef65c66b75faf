/**
 * The instances the task-starting calls act on, and the tasks those calls start. An instance is
 * locked while one of its tasks is waiting or running (status 0 or 1), as the service refuses a
 * second operation with `ResourceUnavailable.InstanceLockedError`.
 */
import { InputError } from "../api/errors";
import type { TaskStore } from "./tasks";
import type { EmulatorInstance, EmulatorInstanceTask, EmulatorTask, InstanceAction } from "./types";
import { INSTANCE_ACTIONS } from "./validateInstance";

/** How long a started task runs when its instance does not say (the "3 s by default"). */
export const DEFAULT_TASK_MS = 3000;
/**
 * Started tasks get IDs from here up, away from the small IDs scenarios and tests pick by hand;
 * an ID already added is skipped.
 */
export const FIRST_STARTED_TASK_ID = 1_000_000;

/** What a task-starting call gets: the new task's ID, or the API error to answer with. */
export type StartOutcome = { taskId: number } | { error: { code: string; message: string } };

/** Known instances and the tasks started on them. */
export class InstanceRegistry {
  private readonly instances = new Map<string, EmulatorInstance>();
  private readonly usedIds = new Set<number>();
  private nextId = FIRST_STARTED_TASK_ID;

  constructor(private readonly tasks: TaskStore) {}

  /** Declares a validated instance, replacing the settings of a known one. */
  declare(instance: EmulatorInstance): void {
    this.instances.set(instance.instanceId, instance);
  }

  /** Notes an added task: its instance becomes known (with defaults) and its ID is never handed out. */
  noteTask(task: EmulatorTask): void {
    this.usedIds.add(task.requestId);
    if (task.instanceId && !this.instances.has(task.instanceId)) this.instances.set(task.instanceId, { instanceId: task.instanceId });
  }

  /** The tasks of a known instance, oldest ID first; throws an InputError for an unknown one. */
  tasksOf(instanceId: string, nowMs: number): EmulatorInstanceTask[] {
    if (!this.instances.has(instanceId)) throw new InputError("instanceId", `no instance ${JSON.stringify(instanceId)} in this emulator`);
    return this.tasks
      .byInstance(instanceId, nowMs)
      .map((view) => ({ requestId: view.task.requestId, taskType: view.task.taskType ?? "", status: view.status }))
      .sort((a, b) => a.requestId - b.requestId);
  }

  /** Starts `action`'s task on the instance at clock time `nowMs`, unless the instance is unknown or locked. */
  start(action: InstanceAction, instanceId: string, nowMs: number): StartOutcome {
    const instance = this.instances.get(instanceId);
    if (!instance) return { error: { code: "ResourceNotFound.InstanceNotExists", message: `The instance ${instanceId} does not exist` } };
    const busy = this.tasks.byInstance(instanceId, nowMs).find((view) => view.status === 0 || view.status === 1);
    if (busy) {
      const what = busy.task.taskType ? ` (${busy.task.taskType})` : "";
      return {
        error: {
          code: "ResourceUnavailable.InstanceLockedError",
          message: `The instance ${instanceId} is locked by task ${busy.task.requestId}${what}; retry once it has ended`,
        },
      };
    }
    const fails = instance.fail !== undefined && (instance.fail.actions ?? [action]).includes(action);
    const requestId = this.allocateId();
    this.tasks.add({
      requestId,
      timeline: [{ status: 1, ms: instance.taskMs ?? DEFAULT_TASK_MS }, { status: fails ? 3 : 2 }],
      taskType: INSTANCE_ACTIONS[action],
      instanceId,
      ...(fails ? { taskMessage: instance.fail!.taskMessage } : {}),
    });
    // The operation runs from the call, not from the first DescribeTaskInfo: its clock starts now
    // (and its StartTime is now), held or not.
    this.tasks.release(requestId, nowMs);
    if (instance.held) this.tasks.hold(requestId, nowMs);
    return { taskId: requestId };
  }

  private allocateId(): number {
    while (this.usedIds.has(this.nextId)) this.nextId++;
    this.usedIds.add(this.nextId);
    return this.nextId++;
  }
}
