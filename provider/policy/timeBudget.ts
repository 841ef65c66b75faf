/**
 * One time budget for a policy's whole run: every query it makes shares one deadline, so a slow
 * or unreachable API costs a preview at most the budget, whatever the number of TaskWaits.
 */

/** A deadline as an AbortSignal, which the rate limiter and the HTTP transport both honour. */
export class TimeBudget {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  constructor(readonly totalMs: number) {
    this.timer = setTimeout(() => this.controller.abort(new Error(`the time budget of ${totalMs} ms ran out`)), totalMs);
    // A budget never keeps the pack process alive on its own.
    this.timer.unref();
  }

  /** Aborts when the budget runs out. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the budget has run out. */
  get spent(): boolean {
    return this.controller.signal.aborted;
  }

  /** Stops the clock; call when the run is over. */
  close(): void {
    clearTimeout(this.timer);
  }
}
