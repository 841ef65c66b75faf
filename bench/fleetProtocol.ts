/** Messages between the fleet benchmark (parent, which runs the emulator) and its child (the creates). */

/** What the child is told at spawn (argv[2], JSON). */
export interface FleetChildConfig {
  endpoint: string;
  region: string;
  secretId: string;
  secretKey: string;
  /** `tencentcloud-redis-task:rateLimitPerSecond` in the stack config handed to `configure`; absent: the package's default. */
  rateLimitPerSecond?: number;
  /** The task IDs to create a TaskWait for, in creation order. */
  requestIds: number[];
  /** A task that has already succeeded: one create before the measurement loads and warms the code. */
  warmupRequestId: number;
  /** How often memory is sampled during the wait, in ms. */
  sampleEveryMs: number;
}

export type ChildMessage =
  | { type: "ready"; baseline: { heapUsed: number; rss: number } }
  | { type: "done"; result: FleetChildResult };

export type ParentMessage = { type: "go" };

/** One create, as the child saw it. */
export interface CreateOutcome {
  requestId: number;
  ok: boolean;
  /** Ms from the start of the creates (`startedAtEpochMs`) to this create settling. */
  settledMs: number;
  /** The `polls` output of a successful create. */
  polls?: number;
  error?: string;
}

export interface FleetChildResult {
  /** Date.now() when the creates started: both processes share the epoch clock. */
  startedAtEpochMs: number;
  /** Ms from the start to the last create settling. */
  totalMs: number;
  outcomes: CreateOutcome[];
  baseline: { heapUsed: number; rss: number };
  /** Highest values sampled while creates were pending (heap measured right after a forced GC: live objects). */
  peak: { heapUsed: number; rss: number };
  samples: number;
}
