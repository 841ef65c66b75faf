/**
 * Progress lines while a task is awaited: one when the status changes and one at least every
 * minute, e.g. `[TaskWait gate] task 11963: Executing, 12 polls, 1m20s`. Lines while the task runs
 * are ephemeral (the plugin sends them as the engine's status messages, which its diagnostics
 * summary leaves out, so 300 gates do not fill it); the line of a terminal status stays.
 */
import { formatDuration } from "../input/duration";
import type { TaskRecord } from "../api/types";
import { PROGRESS_HEARTBEAT_MS } from "./defaults";
import { isTerminalStatus } from "../api/status";
import type { ProgressWriter } from "./progressSink";

/** One observation of a wait in progress. */
export interface ProgressSnapshot {
  record?: TaskRecord;
  polls: number;
  waitedMs: number;
  /** Set when the last poll failed and will be retried. */
  retrying?: string;
}

/** Timer functions, injectable for tests. */
export interface ProgressTimers {
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

const realTimers: ProgressTimers = {
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The text of one progress line. */
export function progressLine(label: string, requestId: number, snapshot: ProgressSnapshot): string {
  const status = snapshot.record ? snapshot.record.statusText : "no answer yet";
  const retry = snapshot.retrying ? ` (retrying: ${snapshot.retrying})` : "";
  return `[${label}] task ${requestId}: ${status}, ${snapshot.polls} polls, ${formatDuration(snapshot.waitedMs)}${retry}`;
}

/** How a wait's snapshots read as lines, and which one is the last (it stays; the others are ephemeral). */
export interface ProgressLines<S> {
  format(snapshot: S): string;
  isFinal(snapshot: S): boolean;
}

/**
 * Writes a line on every change of what is awaited, and re-writes the latest state when a minute
 * has passed without a line (a timer, so the heartbeat holds however long the poll interval is).
 */
export class HeartbeatReporter<S extends { waitedMs: number }> {
  private latest: S;
  private timer: unknown;
  private readonly startedAt: number;

  constructor(
    private readonly lines: ProgressLines<S>,
    initial: S,
    private readonly write: ProgressWriter,
    private readonly now: () => number = Date.now,
    private readonly timers: ProgressTimers = realTimers,
    private readonly heartbeatMs: number = PROGRESS_HEARTBEAT_MS,
  ) {
    this.latest = initial;
    this.startedAt = now();
    this.schedule();
  }

  /** Records an observation; writes a line when it changed what the last line said. */
  observe(snapshot: S, changed: boolean): void {
    this.latest = snapshot;
    if (changed) this.emit();
  }

  /** Stops the heartbeat; call when the wait ends. */
  stop(): void {
    this.timers.clearTimer(this.timer);
  }

  private emit(): void {
    const waitedMs = Math.max(this.latest.waitedMs, this.now() - this.startedAt);
    const snapshot = { ...this.latest, waitedMs };
    this.write(this.lines.format(snapshot), { ephemeral: !this.lines.isFinal(snapshot) });
    this.schedule();
  }

  private schedule(): void {
    this.timers.clearTimer(this.timer);
    this.timer = this.timers.setTimer(() => this.emit(), this.heartbeatMs);
  }
}

/** Progress lines of one task's wait: a line on every status change. */
export class ProgressReporter extends HeartbeatReporter<ProgressSnapshot> {
  constructor(label: string, requestId: number, write: ProgressWriter, now?: () => number, timers?: ProgressTimers, heartbeatMs?: number) {
    const lines: ProgressLines<ProgressSnapshot> = {
      format: (snapshot) => progressLine(label, requestId, snapshot),
      isFinal: (snapshot) => snapshot.record !== undefined && isTerminalStatus(snapshot.record.status),
    };
    super(lines, { polls: 0, waitedMs: 0 }, write, now, timers, heartbeatMs);
  }
}
