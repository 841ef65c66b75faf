/** Types of the emulator's public API: tasks, faults, options and the running server. */
import type { TaskStatusCode } from "../api/status";

/** One phase of a task's life: the status it reports and for how long. */
export interface TimelineStep {
  /** The status reported during this step: -1, 0, 1, 2 or 3. */
  status: TaskStatusCode;
  /**
   * How long the step lasts in milliseconds. Omitted on the last step, which holds forever;
   * a value on the last step is ignored for the same reason.
   */
  ms?: number;
}

/** A task the emulator answers DescribeTaskInfo for. */
export interface EmulatorTask {
  /** The task ID (API 2.0 `requestId`, API 3.0 `TaskId`). */
  requestId: number;
  /**
   * The statuses the task goes through, timed from its first successful query (or, for a held
   * task, from its release). Never empty.
   */
  timeline: TimelineStep[];
  /**
   * When true the timeline does not start at the first query: the task reports its first step's
   * status until released (`releaseTask`, `POST /_emulator/tasks/{id}/release`). Tests use it so
   * that "still running when `up` starts" does not depend on how fast the machine is.
   */
  held?: boolean;
  /**
   * API 3.0 `TaskMessage`, the failure text; default empty. Like the service, the emulator
   * reports it only while the status is failed (3) or error (-1), and blank before.
   */
  taskMessage?: string;
  /** API 3.0 `TaskType`, e.g. `FLOW_RESIZE`; default empty. */
  taskType?: string;
  /** API 3.0 `InstanceId`, e.g. `crs-demo0001`; default empty. */
  instanceId?: string;
}

/** The ways an API answer can be spoiled on purpose. */
export type FailureKind =
  /** HTTP 502 with an HTML page, as a gateway in front of the API would answer. */
  | "http502"
  /** Headers and part of the body, then the socket is destroyed. */
  | "reset"
  /** HTTP 200 whose body is not JSON. */
  | "malformed"
  /** The same answer as the rate limiter gives (4400 / `RequestLimitExceeded`). */
  | "throttle"
  /** A well-formed internal error (6000 / `InternalError`). */
  | "internal";

/**
 * Fault settings. As a patch (`setFaults`, `POST /_emulator/faults`) a field left out keeps its
 * value, a `null` field clears it, and an empty object clears everything.
 */
export interface EmulatorFaults {
  /** Token bucket rate and capacity, requests per second of the emulator's clock. */
  rateLimitPerSecond?: number | null;
  /** Probability in [0, 1] that an API request gets one of `failureKinds` instead of its answer. */
  failureRate?: number | null;
  /** The kinds picked from, uniformly; when unset, all five. */
  failureKinds?: FailureKind[] | null;
  /** Real milliseconds every API answer is held back. */
  latencyMs?: number | null;
}

/** The API 3.0 calls that start a task on an instance (see {@link EmulatorInstance}). */
export type InstanceAction = "ManualBackupInstance" | "ClearInstance" | "ModifyInstanceParams" | "ResetPassword";

/**
 * A Redis instance the task-starting calls act on. Declared in a scenario's `instances`, with
 * `addInstance`, `POST /_emulator/instances`, or implicitly by a task that names its `instanceId`
 * (then with the defaults). Any other InstanceId gets `ResourceNotFound.InstanceNotExists`.
 */
export interface EmulatorInstance {
  /** The instance ID, e.g. `crs-abcd1234`. */
  instanceId: string;
  /** How long each task started on this instance runs (status 1) before it ends; default 3000 ms. */
  taskMs?: number;
  /**
   * When true, started tasks are held: they report running (1) until a test releases them or sets
   * their status, so the test decides when the operation ends.
   */
  held?: boolean;
  /** When set, started tasks (of `actions`, default all four) end failed (3) with `taskMessage`. */
  fail?: { taskMessage: string; actions?: InstanceAction[] };
}

/** A task of an instance, as `instanceTasks` and `GET /_emulator/instances/{id}/tasks` list it. */
export interface EmulatorInstanceTask {
  requestId: number;
  /** e.g. `FLOW_BACKUPINSTANCE`; empty when the task was added without one. */
  taskType: string;
  /** The status a query would get now (listing does not count as a query). */
  status: TaskStatusCode;
}

/** A SecretId and the SecretKey the emulator verifies its signatures with. */
export interface EmulatorCredential {
  secretId: string;
  secretKey: string;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; default 0, any free port. */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Tasks known from the start. */
  tasks?: EmulatorTask[];
  /** Instances known from the start (a scenario's `instances`). */
  instances?: EmulatorInstance[];
  /** Accepted credentials; default one pair, {@link DEFAULT_EMULATOR_SECRET_ID} and its key. */
  credentials?: EmulatorCredential[];
  /** Faults active from the start. */
  faults?: EmulatorFaults;
  /** Milliseconds since the epoch; drives timelines, timestamp checks and the rate limiter. Default `Date.now`. */
  clock?: () => number;
  /** A number in [0, 1); decides which requests fail under `failureRate`. Default `Math.random`. */
  random?: () => number;
  /** Receives one line per request; never sees a secret key, signature or token. Default: no logging. */
  log?: (line: string) => void;
}

export type { InstanceListingState } from "./listings";
import type { InstanceListingState } from "./listings";

/** Request counters, as `GET /_emulator/stats` reports them. */
export interface EmulatorStats {
  /** Every API request (both versions), whatever its outcome; control routes excluded. */
  requests: number;
  /** API requests per task ID they named, whatever their outcome. */
  byRequestId: Record<string, number>;
  /** API requests answered with a rate-limit error, by the limiter or the `throttle` fault. */
  throttled: number;
  /** API requests per action they named (`DescribeTaskInfo`, `ManualBackupInstance` …), whatever their outcome. */
  byAction: Record<string, number>;
}

/** Where a task is, as `taskState` and `GET /_emulator/tasks/{id}` report it. */
export interface EmulatorTaskState {
  requestId: number;
  /** The status a query would get now. */
  status: TaskStatusCode;
  /** Successful DescribeTaskInfo queries answered for this task (a gate's polls). */
  queries: number;
  /** Whether the task's clock is stopped. */
  held: boolean;
}

/** A started emulator. */
export interface RunningEmulator {
  /** Base URL to use as the client's endpoint, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /** The bound port. */
  port: number;
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
  /** Adds a task, or replaces the one with the same ID (its timeline restarts). Throws on an invalid task. */
  addTask(task: EmulatorTask): void;
  /** Applies a fault patch (see {@link EmulatorFaults}). Throws on invalid values. */
  setFaults(faults: EmulatorFaults): void;
  /** A copy of the request counters. */
  stats(): EmulatorStats;
  /** Stops a task's clock where it is; it reports the same status until released. */
  holdTask(requestId: number): EmulatorTaskState;
  /** Starts or resumes a task's clock now (a held task's timeline begins at this moment). */
  releaseTask(requestId: number): EmulatorTaskState;
  /** Makes a task report `status` from now on, for good; `taskMessage` replaces its failure text. */
  setTaskStatus(requestId: number, status: TaskStatusCode, taskMessage?: string): EmulatorTaskState;
  /** Where a task is now; does not count as a query. Throws an InputError for an unknown ID. */
  taskState(requestId: number): EmulatorTaskState;
  /**
   * Resolves when the task has answered at least `atLeast` successful queries (the gate has polled
   * that often); rejects after `timeoutMs` (default 120 000) as a safety net, naming the count reached.
   */
  waitForQueries(requestId: number, atLeast: number, timeoutMs?: number): Promise<EmulatorTaskState>;
  /** How often an instance's task list was read (DescribeTaskList); zeros for one never listed. */
  listingState(instanceId: string): InstanceListingState;
  /**
   * Resolves when the instance has been listed at least `atLeast` times (an instance gate's polls);
   * rejects after `timeoutMs` (default 120 000) as a safety net, naming the count reached.
   */
  waitForListings(instanceId: string, atLeast: number, timeoutMs?: number): Promise<InstanceListingState>;
  /** Declares an instance, or replaces the settings of a known one. Throws an InputError on invalid settings. */
  addInstance(instance: EmulatorInstance): void;
  /** The tasks of a known instance, oldest ID first; not queries. Throws an InputError for an unknown instance. */
  instanceTasks(instanceId: string): EmulatorInstanceTask[];
}
