/**
 * Waits in progress in this process, so one cancellation ends them all: the engine's `Cancel`
 * (first Ctrl-C) reaches a provider once, not once per resource.
 *
 * The race: an operation (Create, Update, Read) that the engine sent just before the Cancel may
 * register its wait just after it. Each operation therefore notes, when it begins, how many
 * cancellations have happened; a wait it registers later starts already cancelled if one came in
 * between. A wait of an operation that begins after a cancellation, or outside any operation (the
 * CLI's `wait`), is not affected: a process that lived on must not have every later wait cut short.
 */
import { AsyncLocalStorage } from "async_hooks";

/** What the waits are told when the engine cancels (through either door). */
export const CANCEL_REASON = "the deployment was cancelled (Ctrl-C)";

/** Why waits are being ended; it becomes the abort reason. */
export class WaitCanceled extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = "WaitCanceled";
  }
}

/** An operation's view: the number of cancellations when it began. */
interface Operation {
  cancellationsAtStart: number;
}

interface Registry {
  active: Set<AbortController>;
  cancellations: number;
  lastWhy?: string;
  operations: AsyncLocalStorage<Operation>;
}

/** On globalThis: every copy of this module loaded in one process must share the registry. */
const SLOT = "__pulumiTencentcloudRedisTaskWaits";

function registry(): Registry {
  const slot = globalThis as unknown as Record<string, Registry | undefined>;
  const found = (slot[SLOT] ??= { active: new Set(), cancellations: 0, operations: new AsyncLocalStorage() });
  // A registry made by an older copy of this module lacks the fields added since.
  found.cancellations ??= 0;
  found.operations ??= new AsyncLocalStorage();
  return found;
}

/**
 * Runs `operation` as one engine operation begun now: a cancellation from now on ends the waits
 * it registers, even those registered after the cancellation. Nested calls keep the outermost start.
 */
export function withinOperation<T>(operation: () => T): T {
  const { operations, cancellations } = registry();
  if (operations.getStore()) return operation();
  return operations.run({ cancellationsAtStart: cancellations }, operation);
}

/** Registers a wait; its signal aborts on {@link cancelWaitsInProgress}. Call `done` when it ends. */
export function trackWait(): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const state = registry();
  const operation = state.operations.getStore();
  if (operation && operation.cancellationsAtStart < state.cancellations) {
    controller.abort(new WaitCanceled(state.lastWhy ?? "cancelled"));
    return { signal: controller.signal, done: () => undefined };
  }
  state.active.add(controller);
  return { signal: controller.signal, done: () => state.active.delete(controller) };
}

/** Ends every wait in progress (and those its operations register later) with `why`; returns how many were in progress. */
export function cancelWaitsInProgress(why: string): number {
  const state = registry();
  state.cancellations++;
  state.lastWhy = why;
  const ended = state.active.size;
  for (const controller of state.active) controller.abort(new WaitCanceled(why));
  state.active.clear();
  return ended;
}
