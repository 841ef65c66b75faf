/**
 * What the two hooks do when the engine calls them, on plain values (the SDK's hook arguments),
 * so tests run them without an engine: `idleHookCallback` waits or throws; `busyRetryCallback`
 * answers whether the engine should retry a failed step.
 */
import { currentProgressWriter } from "../gate/progressSink";
import type { ResolvedHookOptions } from "./hookOptions";
import { hookInstance, type HookInstance, type HookResource } from "./hookTarget";
import { instanceBusyCode } from "./busyCodes";
import { InstanceBusyError, requireIdle, waitForHookInstance, type HookRuntime } from "./idleGate";

/** The parts of the SDK's ResourceHookArgs a hook reads. */
export interface IdleHookArgs extends HookResource {
  name: string;
}

/** The parts of the SDK's ErrorHookArgs the retry hook reads. */
export interface BusyRetryArgs extends HookResource {
  name: string;
  failedOperation: string;
  /** The errors of the step so far, newest first: one per attempt. */
  errors: string[];
}

const writerOf = (runtime: HookRuntime) => runtime.writeProgress ?? currentProgressWriter();

/**
 * The resource hook: resolves when the instance has no running task (of the hook's types); throws
 * an {@link InstanceBusyError} (timeout, a failed task) or the listing's error, which fails a
 * before-step. A resource that names no instance (a Redis instance not created yet) passes.
 */
export function idleHookCallback(hook: ResolvedHookOptions, runtime: HookRuntime = {}): (args: IdleHookArgs) => Promise<void> {
  return async (args) => {
    const instance = hookInstance(args, hook.instanceId);
    if (!instance) {
      writerOf(runtime)(`[${hook.hookName} ${args.name}] no instance to wait for: no options.instanceId, no instanceId input, and the ID ${JSON.stringify(args.id ?? "")} is not an instance ID`);
      return;
    }
    await requireIdle(hook, args.name, instance, runtime);
  };
}

/** Why the retry hook let an error stand, or that it asks for a retry: the line it writes. */
function retryLine(hook: ResolvedHookOptions, args: BusyRetryArgs, what: string): string {
  return `[${hook.hookName} ${args.name}] ${args.failedOperation}: ${what}`;
}

/**
 * The error hook: true (retry) when the newest error names an instance-busy code, fewer than
 * `maxRetries` retries were made, and the instance became idle; false otherwise, so the engine
 * reports the original error.
 */
export function busyRetryCallback(hook: ResolvedHookOptions, runtime: HookRuntime = {}): (args: BusyRetryArgs) => Promise<boolean> {
  return async (args) => {
    const write = writerOf(runtime);
    const code = instanceBusyCode(args.errors[0] ?? "");
    if (!code) return false;
    const retries = Math.max(0, args.errors.length - 1);
    if (retries >= hook.maxRetries) {
      write(retryLine(hook, args, `${code} again after ${retries} retr${retries === 1 ? "y" : "ies"} (maxRetries ${hook.maxRetries}); not retrying`));
      return false;
    }
    let instance: HookInstance | undefined;
    try {
      instance = hookInstance(args, hook.instanceId);
    } catch (error) {
      write(retryLine(hook, args, `${code}, but ${(error as Error).message}; not retrying`));
      return false;
    }
    if (!instance) {
      write(retryLine(hook, args, `${code}, but no instance to wait for (set options.instanceId); not retrying`));
      return false;
    }
    try {
      const result = await waitForHookInstance(hook, args.name, instance, runtime);
      if (result.state !== "idle") {
        write(retryLine(hook, args, `not retrying: ${new InstanceBusyError(hook.hookName, args.name, { ...result, instanceId: instance.instanceId }).message}`));
        return false;
      }
    } catch (error) {
      write(retryLine(hook, args, `not retrying: ${(error as Error).message}`));
      return false;
    }
    write(retryLine(hook, args, `${code}; Redis instance ${instance.instanceId} is idle now, retry ${retries + 1} of ${hook.maxRetries}`));
    return true;
  };
}
