/**
 * DescribeTaskList listings answered per instance, so a test can wait for an instance gate's N-th
 * look at the instance as an event (as `waitForQueries` does for a task gate's polls). A listing is
 * a call for its first page (`Offset` 0); the calls of every page are counted too.
 */

/** What the emulator has answered about one instance's task list. */
export interface InstanceListingState {
  instanceId: string;
  /** Successful listings (calls with Offset 0): the instance gate's polls. */
  listings: number;
  /** Successful DescribeTaskList calls, every page counted. */
  calls: number;
}

interface Waiter {
  atLeast: number;
  resolve(): void;
}

/** Per-instance listing counts and the tests waiting on them. */
export class ListingCounter {
  private readonly counts = new Map<string, { listings: number; calls: number; waiters: Waiter[] }>();

  /** Counts one successful DescribeTaskList call for `instanceId` at `offset`. */
  record(instanceId: string, offset: number): void {
    const entry = this.entry(instanceId);
    entry.calls++;
    if (offset !== 0) return;
    entry.listings++;
    const ready = entry.waiters.filter((w) => entry.listings >= w.atLeast);
    entry.waiters = entry.waiters.filter((w) => entry.listings < w.atLeast);
    ready.forEach((w) => w.resolve());
  }

  /** The counts of `instanceId` (zeros for an instance never listed). */
  state(instanceId: string): InstanceListingState {
    const { listings, calls } = this.entry(instanceId);
    return { instanceId, listings, calls };
  }

  /**
   * Resolves once `instanceId` has been listed at least `atLeast` times. Rejects after `timeoutMs`
   * of real time, naming the count reached: a safety net, not a pace a test relies on.
   */
  waitForListings(instanceId: string, atLeast: number, timeoutMs: number): Promise<InstanceListingState> {
    const entry = this.entry(instanceId);
    if (entry.listings >= atLeast) return Promise.resolve(this.state(instanceId));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        atLeast,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.state(instanceId));
        },
      };
      const timer = setTimeout(() => {
        entry.waiters = entry.waiters.filter((w) => w !== waiter);
        reject(new Error(`instance ${instanceId} was listed ${entry.listings} time(s) within ${timeoutMs} ms; the test waited for ${atLeast}`));
      }, timeoutMs);
      timer.unref?.();
      entry.waiters.push(waiter);
    });
  }

  private entry(instanceId: string) {
    let entry = this.counts.get(instanceId);
    if (!entry) this.counts.set(instanceId, (entry = { listings: 0, calls: 0, waiters: [] }));
    return entry;
  }
}
