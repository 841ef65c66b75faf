/**
 * Where a wait's progress lines go when its caller names no writer: stderr, which the CLI shows
 * for the dynamic-provider host and `tencentcloud-redis-task wait`, or the sink of the operation
 * that started the wait. The provider plugin needs the latter: the engine hides a plugin's
 * stderr, so it sends each line to the engine's log for the resource whose operation runs.
 * The sink follows the operation through its awaits (AsyncLocalStorage), so concurrent
 * operations each keep their own.
 */
import { AsyncLocalStorage } from "async_hooks";

/** How a line is shown: `ephemeral` lines are status, replaced by the next (where the engine supports it). */
export interface ProgressLineOptions {
  ephemeral?: boolean;
}

/** Writes one progress line (without a newline). */
export type ProgressWriter = (line: string, options?: ProgressLineOptions) => void;

const sinks = new AsyncLocalStorage<ProgressWriter>();

const toStderr: ProgressWriter = (line) => {
  process.stderr.write(line + "\n");
};

/** Runs `operation` with its waits' progress lines going to `write`. */
export function withProgressSink<T>(write: ProgressWriter, operation: () => T): T {
  return sinks.run(write, operation);
}

/** The writer for a wait started now: the current operation's sink, else stderr. */
export function currentProgressWriter(): ProgressWriter {
  return sinks.getStore() ?? toStderr;
}
