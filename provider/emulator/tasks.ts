/** The emulator's tasks and when each was first queried, which starts its timeline. */
import type { TaskStatusCode } from "../api/status";
import { statusAt } from "./timeline";
import type { EmulatorTask } from "./types";

/** A task as one query sees it. */
export interface TaskView {
  task: EmulatorTask;
  status: TaskStatusCode;
  /** Clock time (ms) of the task's first successful query: the API 3.0 `StartTime`. */
  startedMs: number;
}

/** Tasks by ID; the timeline of each starts at its first successful query. */
export class TaskStore {
  private readonly tasks = new Map<number, { task: EmulatorTask; startedMs?: number }>();

  /** Adds a validated task, replacing (and restarting) any task with the same ID. */
  add(task: EmulatorTask): void {
    this.tasks.set(task.requestId, { task });
  }

  /**
   * Queries a task at clock time `nowMs`; the first query starts its timeline. Only
   * authenticated, well-formed requests reach here, so rejected attempts do not start the clock.
   */
  query(requestId: number, nowMs: number): TaskView | undefined {
    const entry = this.tasks.get(requestId);
    if (!entry) return undefined;
    entry.startedMs ??= nowMs;
    return { task: entry.task, status: statusAt(entry.task.timeline, nowMs - entry.startedMs), startedMs: entry.startedMs };
  }
}
