/** Request counters, so tests can assert how often a client really called the API. */
import type { EmulatorStats } from "./types";

/** Counts API requests, per named task, and throttled answers. */
export class StatsCounter {
  private requests = 0;
  private throttled = 0;
  private readonly byRequestId = new Map<number, number>();

  /** Counts one API request; `requestId` is the task it named, if any. */
  request(requestId: number | undefined): void {
    this.requests++;
    if (requestId !== undefined) this.byRequestId.set(requestId, (this.byRequestId.get(requestId) ?? 0) + 1);
  }

  /** Counts one rate-limit answer. */
  throttle(): void {
    this.throttled++;
  }

  /** A copy of the counters. */
  snapshot(): EmulatorStats {
    const byRequestId: Record<string, number> = {};
    for (const [id, count] of this.byRequestId) byRequestId[String(id)] = count;
    return { requests: this.requests, byRequestId, throttled: this.throttled };
  }
}
