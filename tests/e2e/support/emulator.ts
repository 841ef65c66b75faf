/** The emulator an end-to-end file talks to: fresh task IDs and per-task call counts. */
import { startEmulator, type EmulatorTask, type EmulatorTaskState, type RunningEmulator } from "../../../provider/emulator";
import type { TaskStatusCode } from "../../../provider/api/status";
import { REGION, SECRET_ID, SECRET_KEY } from "../../support/emulatorEnv";

/** Stack config giving the emulator's credentials and region the way users set theirs. */
export const EMULATOR_CONFIG = { "tencentcloud:secretId": SECRET_ID, "tencentcloud:region": REGION };
export const EMULATOR_SECRETS = { "tencentcloud:secretKey": SECRET_KEY };

/** A running emulator plus helpers; IDs start at `firstId` so files never share a task. */
export class E2eEmulator {
  private nextId: number;

  private constructor(
    readonly emulator: RunningEmulator,
    firstId: number,
  ) {
    this.nextId = firstId;
  }

  static async start(firstId: number): Promise<E2eEmulator> {
    return new E2eEmulator(await startEmulator(), firstId);
  }

  get url(): string {
    return this.emulator.url;
  }

  /** Adds a task on a fresh ID and returns the ID. */
  task(timeline: EmulatorTask["timeline"], extra: Partial<Omit<EmulatorTask, "requestId" | "timeline">> = {}): number {
    const requestId = this.nextId++;
    this.emulator.addTask({ requestId, timeline, ...extra });
    return requestId;
  }

  /**
   * Adds a held task on a fresh ID: it reports its first step's status until {@link release},
   * so "still running when `up` starts" holds however slow the machine is.
   */
  heldTask(timeline: EmulatorTask["timeline"], extra: Partial<Omit<EmulatorTask, "requestId" | "timeline" | "held">> = {}): number {
    return this.task(timeline, { ...extra, held: true });
  }

  /** Starts (or resumes) a held task's timeline now. */
  release(requestId: number): EmulatorTaskState {
    return this.emulator.releaseTask(requestId);
  }

  /** Makes the task report `status` from now on (e.g. 2 to let a waiting gate succeed). */
  setStatus(requestId: number, status: TaskStatusCode, taskMessage?: string): EmulatorTaskState {
    return this.emulator.setTaskStatus(requestId, status, taskMessage);
  }

  /** Successful queries answered for the task so far: the gate's polls. */
  polls(requestId: number): number {
    return this.emulator.taskState(requestId).queries;
  }

  /** Resolves once the task has been polled `atLeast` times (the event a test waits on). */
  waitForPolls(requestId: number, atLeast: number): Promise<EmulatorTaskState> {
    return this.emulator.waitForQueries(requestId, atLeast);
  }

  /** DescribeTaskInfo calls made so far for `requestId`. */
  calls(requestId: number): number {
    return this.emulator.stats().byRequestId[String(requestId)] ?? 0;
  }

  close(): Promise<void> {
    return this.emulator.close();
  }
}

/**
 * The same for the provider plugin, whose config is its own namespace (the engine gives a provider
 * nothing else); the endpoint is per emulator.
 */
export const pluginConfig = (emulator: E2eEmulator) => ({
  "tencentcloud-redis-task:secretId": SECRET_ID,
  "tencentcloud-redis-task:region": REGION,
  "tencentcloud-redis-task:endpoint": emulator.url,
});
export const PLUGIN_SECRETS = { "tencentcloud-redis-task:secretKey": SECRET_KEY };
