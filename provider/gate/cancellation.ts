/**
 * Waits in progress in this process, so one cancellation ends them all: the engine's `Cancel`
 * (first Ctrl-C) reaches a provider once, not once per resource. A wait started after a
 * cancellation is not affected: the engine schedules nothing new after it, and a process that
 * lived on must not have every later wait cut short.
 */

/** Why waits are being ended; it becomes the abort reason. */
export class WaitCanceled extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = "WaitCanceled";
  }
}

interface Registry {
  active: Set<AbortController>;
}

/** On globalThis: every copy of this module loaded in one process must share the registry. */
const SLOT = "__pulumiTencentcloudRedisTaskWaits";

function registry(): Registry {
  const slot = globalThis as unknown as Record<string, Registry | undefined>;
  return (slot[SLOT] ??= { active: new Set() });
}

/** Registers a wait; its signal aborts on {@link cancelWaitsInProgress}. Call `done` when it ends. */
export function trackWait(): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const { active } = registry();
  active.add(controller);
  return { signal: controller.signal, done: () => active.delete(controller) };
}

/** Ends every wait in progress with `why`; returns how many were ended. */
export function cancelWaitsInProgress(why: string): number {
  const { active } = registry();
  const ended = active.size;
  for (const controller of active) controller.abort(new WaitCanceled(why));
  active.clear();
  return ended;
}
