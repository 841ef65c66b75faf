/** Where a task is on its timeline: a pure function of the time since its first query. */
import type { TaskStatusCode } from "../api/status";
import type { TimelineStep } from "./types";

/**
 * The status a timeline reports `elapsedMs` after the task's first query. Each step lasts its
 * `ms`; the last step (or the first step without `ms`) holds forever.
 */
export function statusAt(timeline: readonly TimelineStep[], elapsedMs: number): TaskStatusCode {
  let remaining = Math.max(0, elapsedMs);
  for (let i = 0; i < timeline.length; i++) {
    const step = timeline[i];
    const last = i === timeline.length - 1 || step.ms === undefined;
    if (last || remaining < step.ms!) return step.status;
    remaining -= step.ms!;
  }
  // Validation forbids empty timelines; reaching here means a caller skipped it.
  throw new Error("statusAt: empty timeline");
}
