/**
 * Part 2, in real time over real HTTP: many TaskWaits created at once in one provider process,
 * against the emulator throttling at the service's documented 20 requests/s. The emulator runs
 * here; the creates run in a child process, so its memory is measured without the emulator's and
 * its progress lines (stderr) go to a file instead of the terminal.
 */
import { fork } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describeTaskInfo } from "../provider/api/describeTaskInfo";
import type { ClientSettings } from "../provider/api/types";
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY, startEmulator, type EmulatorTask } from "../provider/emulator";
import type { ChildMessage, FleetChildConfig, FleetChildResult } from "./fleetProtocol";
import { permutation, stream } from "./random";
import { mean, percentile } from "./stats";

export interface FleetOptions {
  /** TaskWaits created at once. */
  count: number;
  /** Tasks finish at spreadMs·k/count, k = 1..count, in a seeded random order of creation. */
  spreadMs: number;
  /** `tencentcloud-redis-task:rateLimitPerSecond`; absent: the package's default (the adaptive pace). */
  clientRatePerSecond?: number;
  /** The emulator's token bucket (`faults.rateLimitPerSecond`). */
  emulatorRatePerSecond: number;
  seed: number;
  /** The goal for totalMs ÷ idealMs. */
  goalRatio: number;
  /** The child is killed after this long. */
  guardMs: number;
  log?: (line: string) => void;
}

export interface FleetResult {
  options: Omit<FleetOptions, "log">;
  creates: number;
  failed: number;
  failures: string[];
  /** Throttled answers the emulator gave during the creates. */
  throttled: number;
  /** API calls during the creates (emulator count), and the sum of the creates' `polls` outputs. */
  apiCalls: number;
  pollsReported: number;
  /** One query per task before the creates, which starts the emulator's timelines (not counted above). */
  armingCalls: number;
  totalMs: number;
  /** When the last task completed, ms after the creates started. */
  lastCompletionMs: number;
  /** lastCompletion + count / emulator rate. */
  idealMs: number;
  /** totalMs ÷ idealMs; the goal is ≤ `options.goalRatio`. */
  ratioToIdeal: number;
  /** From a task's completion to its create returning. */
  detectionDelayMs: { mean: number; p95: number; max: number };
  memoryPerWait: { heapBytes: number; rssBytes: number; samples: number };
  progressLines: number;
  progressFile: string;
  goals: { noFailures: boolean; noThrottled: boolean; withinTime: boolean };
}

const REGION = "ap-guangzhou";
const FIRST_TASK_ID = 100_000;
const WARMUP_TASK_ID = 99_999;

/** Queries every task once with `concurrency` calls in flight, returning when each answer arrived. */
export async function arm(ids: readonly number[], settings: ClientSettings, concurrency = 50): Promise<Map<number, number>> {
  const answeredAt = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      await describeTaskInfo(id, settings);
      answeredAt.set(id, Date.now());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answeredAt;
}

export async function runFleet(options: FleetOptions): Promise<FleetResult> {
  const ids = Array.from({ length: options.count }, (_, i) => FIRST_TASK_ID + i);
  // Its own stream (purpose 7): the schedule study's streams use purposes 1 to 3.
  const order = permutation(options.count, stream(options.seed, 7));
  const durationOf = new Map(ids.map((id, i) => [id, (options.spreadMs * (order[i] + 1)) / options.count]));
  const tasks: EmulatorTask[] = [
    { requestId: WARMUP_TASK_ID, timeline: [{ status: 2 }] },
    ...ids.map((id) => ({ requestId: id, timeline: [{ status: 1 as const, ms: durationOf.get(id)! }, { status: 2 as const }] })),
  ];
  const emulator = await startEmulator({ tasks });
  const progressFile = path.join(os.tmpdir(), `bench-fleet-progress-${process.pid}.log`);
  const stderr = fs.openSync(progressFile, "w");
  try {
    const childConfig: FleetChildConfig = {
      endpoint: emulator.url,
      region: REGION,
      secretId: DEFAULT_EMULATOR_SECRET_ID,
      secretKey: DEFAULT_EMULATOR_SECRET_KEY,
      rateLimitPerSecond: options.clientRatePerSecond,
      requestIds: ids,
      warmupRequestId: WARMUP_TASK_ID,
      sampleEveryMs: 500,
    };
    const child = fork(path.join(__dirname, "fleetChild.js"), [JSON.stringify(childConfig)], {
      execArgv: ["--expose-gc"],
      stdio: ["ignore", stderr, stderr, "ipc"],
    });
    const messages: ChildMessage[] = [];
    const waiters: Array<() => void> = [];
    child.on("message", (m: ChildMessage) => {
      messages.push(m);
      waiters.splice(0).forEach((w) => w());
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const guard = setTimeout(() => child.kill(), options.guardMs);
    const next = async <T extends ChildMessage["type"]>(type: T): Promise<Extract<ChildMessage, { type: T }>> => {
      for (;;) {
        const found = messages.find((m) => m.type === type);
        if (found) return found as Extract<ChildMessage, { type: T }>;
        const code = await Promise.race([new Promise<undefined>((resolve) => waiters.push(() => resolve(undefined))), exited]);
        if (code !== undefined && !messages.some((m) => m.type === type)) throw new Error(`fleet child exited (${code}) before "${type}"; see ${progressFile}`);
      }
    };

    await next("ready");
    // Tasks run from their own start, not from when a wait first looks: one query each starts their timelines now.
    const settings: ClientSettings = { ...childSettings(childConfig), endpoint: emulator.url };
    const beforeArming = emulator.stats().requests;
    const answeredAt = await arm(ids, settings);
    const armingCalls = emulator.stats().requests - beforeArming;
    emulator.setFaults({ rateLimitPerSecond: options.emulatorRatePerSecond });
    const before = emulator.stats();
    options.log?.(`fleet: ${options.count} creates started (real time, about ${Math.round((options.spreadMs + (options.count / options.emulatorRatePerSecond) * 1000) / 1000)} s)`);
    child.send({ type: "go" });
    const { result } = await next("done");
    clearTimeout(guard);
    await exited;
    const after = emulator.stats();
    return summarize(options, result, durationOf, answeredAt, {
      apiCalls: after.requests - before.requests,
      throttled: after.throttled - before.throttled,
      armingCalls,
      progressFile,
    });
  } finally {
    fs.closeSync(stderr);
    await emulator.close();
  }
}

function childSettings(config: FleetChildConfig): ClientSettings {
  return { secretId: config.secretId, secretKey: config.secretKey, region: config.region, apiVersion: "v2" };
}

function summarize(
  options: FleetOptions,
  result: FleetChildResult,
  durationOf: Map<number, number>,
  answeredAt: Map<number, number>,
  counts: { apiCalls: number; throttled: number; armingCalls: number; progressFile: string },
): FleetResult {
  // A task completes its duration after its first query answered (an upper bound by the reply's transit time).
  const completionMs = (id: number) => answeredAt.get(id)! + durationOf.get(id)! - result.startedAtEpochMs;
  const lastCompletionMs = Math.max(...[...durationOf.keys()].map(completionMs));
  const idealMs = lastCompletionMs + (options.count / options.emulatorRatePerSecond) * 1000;
  const delays = result.outcomes.filter((o) => o.ok).map((o) => o.settledMs - completionMs(o.requestId));
  const failures = result.outcomes.filter((o) => !o.ok);
  const progress = fs.readFileSync(counts.progressFile, "utf8");
  const { log: _log, ...plainOptions } = options;
  const ratioToIdeal = result.totalMs / idealMs;
  return {
    options: plainOptions,
    creates: result.outcomes.length,
    failed: failures.length,
    failures: [...new Set(failures.map((f) => f.error ?? "unknown"))].slice(0, 5),
    throttled: counts.throttled,
    apiCalls: counts.apiCalls,
    pollsReported: result.outcomes.reduce((sum, o) => sum + (o.polls ?? 0), 0),
    armingCalls: counts.armingCalls,
    totalMs: result.totalMs,
    lastCompletionMs,
    idealMs,
    ratioToIdeal,
    detectionDelayMs: { mean: mean(delays), p95: percentile(delays, 95), max: Math.max(...delays) },
    memoryPerWait: {
      heapBytes: (result.peak.heapUsed - result.baseline.heapUsed) / options.count,
      rssBytes: (result.peak.rss - result.baseline.rss) / options.count,
      samples: result.samples,
    },
    progressLines: progress.split("\n").filter((line) => line.startsWith("[")).length,
    progressFile: counts.progressFile,
    goals: { noFailures: failures.length === 0, noThrottled: counts.throttled === 0, withinTime: ratioToIdeal <= options.goalRatio },
  };
}
