/**
 * The emulator's tasks and their clocks. A task's timeline runs from its first successful query
 * unless the task is held: then it stays where it is until released, so a test decides when time
 * passes for it instead of racing a wall clock. Successful queries are counted per task, and a
 * test can wait for the N-th one (the gate's N-th poll) as an event.
 */
import { InputError } from "../api/errors";
import type { TaskStatusCode } from "../api/status";
import { statusAt } from "./timeline";
import type { EmulatorTask, EmulatorTaskState } from "./types";

/** A task as one query sees it. */
export interface TaskView {
  task: EmulatorTask;
  status: TaskStatusCode;
  /** Clock time (ms) of the task's first successful query or release: the API 3.0 `StartTime`. */
  startedMs: number;
}

interface QueryWaiter {
  atLeast: number;
  resolve(): void;
}

interface Entry {
  task: EmulatorTask;
  /** Timeline time accumulated before the current run (ms). */
  elapsedMs: number;
  /** Clock time the current run began; undefined while not running. */
  runningSinceMs?: number;
  /** Held tasks do not start at their first query and do not advance. */
  held: boolean;
  startedMs?: number;
  queries: number;
  waiters: QueryWaiter[];
}

/** Tasks by ID with their clocks and query counts. */
export class TaskStore {
  private readonly tasks = new Map<number, Entry>();

  /** Adds a validated task, replacing (and restarting) any task with the same ID. */
  add(task: EmulatorTask): void {
    const waiters = this.tasks.get(task.requestId)?.waiters ?? [];
    this.tasks.set(task.requestId, { task, elapsedMs: 0, held: task.held === true, queries: 0, waiters });
  }

  /**
   * Queries a task at clock time `nowMs`; the first query starts the timeline of a task that is
   * not held. Only authenticated, well-formed requests reach here, so rejected attempts neither
   * start the clock nor count as a poll.
   */
  query(requestId: number, nowMs: number): TaskView | undefined {
    const entry = this.tasks.get(requestId);
    if (!entry) return undefined;
    entry.startedMs ??= nowMs;
    if (!entry.held) entry.runningSinceMs ??= nowMs;
    const view = { task: entry.task, status: this.statusOf(entry, nowMs), startedMs: entry.startedMs };
    entry.queries++;
    this.wake(entry);
    return view;
  }

  /** Freezes a task where its timeline is now; it reports that status until released. */
  hold(requestId: number, nowMs: number): EmulatorTaskState {
    const entry = this.entry(requestId);
    if (entry.runningSinceMs !== undefined) entry.elapsedMs += nowMs - entry.runningSinceMs;
    entry.runningSinceMs = undefined;
    entry.held = true;
    return this.stateOf(requestId, entry, nowMs);
  }

  /** Starts (or resumes) a task's timeline now, whether or not it was ever queried. */
  release(requestId: number, nowMs: number): EmulatorTaskState {
    const entry = this.entry(requestId);
    entry.held = false;
    entry.startedMs ??= nowMs;
    entry.runningSinceMs ??= nowMs;
    return this.stateOf(requestId, entry, nowMs);
  }

  /** Makes a task report `status` from now on, for good (optionally with a new failure text). */
  setStatus(requestId: number, status: TaskStatusCode, nowMs: number, taskMessage?: string): EmulatorTaskState {
    const entry = this.entry(requestId);
    entry.task = { ...entry.task, timeline: [{ status }], ...(taskMessage === undefined ? {} : { taskMessage }) };
    entry.elapsedMs = 0;
    entry.runningSinceMs = entry.held ? undefined : nowMs;
    entry.startedMs ??= nowMs;
    return this.stateOf(requestId, entry, nowMs);
  }

  /** Where a task is now, without counting as a query; throws for an unknown ID. */
  state(requestId: number, nowMs: number): EmulatorTaskState {
    return this.stateOf(requestId, this.entry(requestId), nowMs);
  }

  /**
   * Resolves once the task has answered at least `atLeast` successful queries. Rejects after
   * `timeoutMs` of real time, naming the task and the count reached: a safety net for a test
   * whose gate never polls, not a pace the test relies on.
   */
  waitForQueries(requestId: number, atLeast: number, timeoutMs: number): Promise<EmulatorTaskState> {
    const entry = this.entry(requestId);
    const current = () => this.stateOf(requestId, this.tasks.get(requestId) ?? entry, Date.now());
    if (entry.queries >= atLeast) return Promise.resolve(current());
    return new Promise((resolve, reject) => {
      const waiter: QueryWaiter = {
        atLeast,
        resolve: () => {
          clearTimeout(timer);
          resolve(current());
        },
      };
      const timer = setTimeout(() => {
        const live = this.tasks.get(requestId) ?? entry;
        live.waiters = live.waiters.filter((w) => w !== waiter);
        reject(new Error(`task ${requestId} was queried ${live.queries} time(s) within ${timeoutMs} ms; the test waited for ${atLeast}`));
      }, timeoutMs);
      timer.unref?.();
      entry.waiters.push(waiter);
    });
  }

  /**
   * The tasks of `instanceId` at clock time `nowMs`, each with how far its timeline ran; never
   * counted as polls of the tasks. `read: "listing"` is the API reading them (DescribeTaskList):
   * like a query, that starts the timeline of a task that is not held. `"peek"` (control routes,
   * the instance lock of the task-starting calls) starts nothing.
   */
  byInstance(instanceId: string, nowMs: number, read: "listing" | "peek" = "peek"): (TaskView & { elapsedMs: number })[] {
    const views: (TaskView & { elapsedMs: number })[] = [];
    for (const entry of this.tasks.values()) {
      if (entry.task.instanceId !== instanceId) continue;
      if (read === "listing") {
        entry.startedMs ??= nowMs;
        if (!entry.held) entry.runningSinceMs ??= nowMs;
      }
      const elapsedMs = entry.elapsedMs + (entry.runningSinceMs === undefined ? 0 : nowMs - entry.runningSinceMs);
      views.push({ task: entry.task, status: this.statusOf(entry, nowMs), startedMs: entry.startedMs ?? nowMs, elapsedMs });
    }
    return views;
  }

  private entry(requestId: number): Entry {
    const entry = this.tasks.get(requestId);
    if (!entry) throw new InputError("requestId", `no task ${requestId} in this emulator`);
    return entry;
  }

  private statusOf(entry: Entry, nowMs: number): TaskStatusCode {
    const running = entry.runningSinceMs === undefined ? 0 : nowMs - entry.runningSinceMs;
    return statusAt(entry.task.timeline, entry.elapsedMs + running);
  }

  private stateOf(requestId: number, entry: Entry, nowMs: number): EmulatorTaskState {
    return { requestId, status: this.statusOf(entry, nowMs), queries: entry.queries, held: entry.held };
  }

  private wake(entry: Entry): void {
    const ready = entry.waiters.filter((w) => entry.queries >= w.atLeast);
    if (ready.length === 0) return;
    entry.waiters = entry.waiters.filter((w) => entry.queries < w.atLeast);
    ready.forEach((w) => w.resolve());
  }
}
