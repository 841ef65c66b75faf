/**
 * A local emulator of Tencent Cloud Redis: DescribeTaskInfo (API 2.0 and 3.0), DescribeTaskList
 * and the calls that start tasks on instances (API 3.0), with real signature checks, scripted
 * task timelines and injectable faults, for tests and demos.
 */
import type { AddressInfo } from "net";
import { InputError } from "../api/errors";
import { isTaskStatusCode, type TaskStatusCode } from "../api/status";
import { FaultInjector } from "./faults";
import { ListingCounter } from "./listings";
import { InstanceRegistry } from "./instances";
import { createEmulatorServer } from "./server";
import { StatsCounter } from "./stats";
import { TaskStore } from "./tasks";
import type { EmulatorInstance, EmulatorOptions, EmulatorTask, RunningEmulator } from "./types";
import { validateTask } from "./validate";
import { validateInstance } from "./validateInstance";

export type {
  EmulatorCredential,
  EmulatorFaults,
  EmulatorInstance,
  EmulatorInstanceTask,
  EmulatorOptions,
  EmulatorStats,
  EmulatorTask,
  EmulatorTaskState,
  FailureKind,
  InstanceListingState,
  InstanceAction,
  RunningEmulator,
  TimelineStep,
} from "./types";
export { loadScenario, loadScenarioDocument, parseScenario, parseScenarioDocument } from "./scenario";
export type { EmulatorScenario } from "./scenario";
export { validateTask } from "./validate";
export { validateInstance, INSTANCE_ACTIONS } from "./validateInstance";
export { DEFAULT_TASK_MS, FIRST_STARTED_TASK_ID } from "./instances";
export { FAILURE_KINDS } from "./faults";

/** The SecretId the emulator accepts by default: the example key of Tencent's signing docs, never a real one. */
export const DEFAULT_EMULATOR_SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA";
/** The SecretKey paired with {@link DEFAULT_EMULATOR_SECRET_ID}. */
export const DEFAULT_EMULATOR_SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA";

function credentialMap(options: EmulatorOptions): Map<string, string> {
  const pairs = options.credentials ?? [{ secretId: DEFAULT_EMULATOR_SECRET_ID, secretKey: DEFAULT_EMULATOR_SECRET_KEY }];
  return new Map(
    pairs.map((pair, i) => {
      if (!pair || typeof pair.secretId !== "string" || !pair.secretId || typeof pair.secretKey !== "string" || !pair.secretKey) {
        throw new InputError(`credentials[${i}]`, `credentials[${i}] must have a non-empty secretId and secretKey`);
      }
      return [pair.secretId, pair.secretKey];
    }),
  );
}

/**
 * Starts an emulator listening on `options.host` (default 127.0.0.1) and `options.port`
 * (default any free port). Throws an InputError for invalid tasks, instances, credentials or faults.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? Date.now;
  const credentials = credentialMap(options);
  const tasks = new TaskStore();
  const listings = new ListingCounter();
  const instances = new InstanceRegistry(tasks);
  const faults = new FaultInjector(clock, options.random ?? Math.random);
  const stats = new StatsCounter();
  const add = (task: EmulatorTask): void => {
    tasks.add(task);
    instances.noteTask(task);
  };
  const addTask = (task: EmulatorTask): void => add(validateTask(task));
  (options.instances ?? []).forEach((instance, i) => instances.declare(validateInstance(instance, `instances[${i}]`)));
  (options.tasks ?? []).forEach((task, i) => add(validateTask(task, `tasks[${i}]`)));
  faults.apply(options.faults);

  const control = {
    addTask,
    setFaults: faults.apply.bind(faults),
    faults: () => faults.current(),
    stats: () => stats.snapshot(),
    holdTask: (id: number) => tasks.hold(id, clock()),
    releaseTask: (id: number) => tasks.release(id, clock()),
    setTaskStatus: (id: number, status: TaskStatusCode, taskMessage?: string) => {
      if (!isTaskStatusCode(status)) throw new InputError("status", `status must be one of -1, 0, 1, 2, 3; got ${JSON.stringify(status)}`);
      return tasks.setStatus(id, status, clock(), taskMessage);
    },
    taskState: (id: number) => tasks.state(id, clock()),
    waitForQueries: (id: number, atLeast: number, timeoutMs = 120_000) => tasks.waitForQueries(id, atLeast, timeoutMs),
    addInstance: (instance: EmulatorInstance) => instances.declare(validateInstance(instance)),
    instanceTasks: (instanceId: string) => instances.tasksOf(instanceId, clock()),
    listingState: (instanceId: string) => listings.state(instanceId),
    waitForListings: (instanceId: string, atLeast: number, timeoutMs = 120_000) => listings.waitForListings(instanceId, atLeast, timeoutMs),
  };
  const server = createEmulatorServer({
    tasks,
    instances,
    listings,
    faults,
    stats,
    control,
    secretKeyOf: (id) => credentials.get(id),
    clock,
    log: options.log,
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets would otherwise hold close() open for seconds.
        server.closeAllConnections();
      }),
    ...control,
  };
}
