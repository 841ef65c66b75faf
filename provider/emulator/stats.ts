/** Request counters, so tests can assert how often a client really called the API. */
import type { EmulatorStats } from "./types";

/** Counts API requests, per named task and per action, and throttled answers. */
export class StatsCounter {
  private requests = 0;
  private throttled = 0;
  private readonly byRequestId = new Map<number, number>();
  private readonly byAction = new Map<string, number>();

  /** Counts one API request; `requestId` is the task it named and `action` the action, if any. */
  request(requestId: number | undefined, action?: string): void {
    this.requests++;
    if (requestId !== undefined) this.byRequestId.set(requestId, (this.byRequestId.get(requestId) ?? 0) + 1);
    // Only identifier-like names: a client cannot grow the table with arbitrary text.
    if (action && /^[A-Za-z][A-Za-z0-9.]{0,63}$/.test(action)) this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1);
  }

  /** Counts one rate-limit answer. */
  throttle(): void {
    this.throttled++;
  }

  /** A copy of the counters. */
  snapshot(): EmulatorStats {
    const byRequestId: Record<string, number> = {};
    for (const [id, count] of this.byRequestId) byRequestId[String(id)] = count;
    return { requests: this.requests, byRequestId, throttled: this.throttled, byAction: Object.fromEntries(this.byAction) };
  }
}
