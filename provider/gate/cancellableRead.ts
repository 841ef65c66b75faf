/**
 * One read as `pulumi refresh` makes it (a task's record, an instance's listing): throttled and
 * transient failures retried within the read budget, and registered like a wait so that the
 * engine's Cancel (Ctrl-C) ends a read that is still retrying.
 */
import type { CallSubject } from "../api/errors";
import { queryWithRetries } from "../waiter/retryQuery";
import type { Clock } from "../waiter/types";
import { trackWait } from "./cancellation";
import { READ_RETRY_BUDGET_MS, READ_RETRY_MAX_DELAY_MS, READ_RETRY_MIN_DELAY_MS } from "./defaults";

/** The knobs both reads share; all have production defaults. */
export interface ReadRetryOptions {
  /** How long to keep retrying, in ms; default {@link READ_RETRY_BUDGET_MS}. */
  budgetMs?: number;
  clock?: Clock;
  random?: () => number;
}

/** Runs `query` until it answers, fails permanently, the budget is spent or the engine cancels. */
export async function cancellableRead<T>(subject: number | CallSubject, query: (signal?: AbortSignal) => Promise<T>, options: ReadRetryOptions): Promise<T> {
  const tracked = trackWait();
  try {
    const { record } = await queryWithRetries<T>({
      requestId: subject,
      query,
      budgetMs: options.budgetMs ?? READ_RETRY_BUDGET_MS,
      minDelayMs: READ_RETRY_MIN_DELAY_MS,
      maxDelayMs: READ_RETRY_MAX_DELAY_MS,
      clock: options.clock,
      random: options.random,
      signal: tracked.signal,
    });
    return record;
  } finally {
    tracked.done();
  }
}
