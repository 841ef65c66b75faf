/**
 * The hooks' benchmark (issue 19), in virtual time: how long after the running task ends is the
 * change accepted, with (a) `instanceIdleHook` before the change, (b) `retryOnInstanceBusy` after
 * a refusal, and (c) the fixed loop users write by hand, "sleep 30 s, then retry". (a) and (b) run
 * the hooks' real code (option defaults, backoff with jitter, listing) against a scripted
 * DescribeTaskList on a virtual clock; (c) is arithmetic. The engine's own retry overhead and the
 * API's latency are left out of all three alike.
 *
 *   npm run build && node dist/bench/hooksStudy.js [--trials=N] [--seed=N]
 */
import type { HttpRequest, HttpResponse } from "../provider/api/types";
import { busyRetryCallback, idleHookCallback } from "../provider/hooks/hookCallbacks";
import { resolveHookOptions } from "../provider/hooks/hookOptions";
import { VirtualClock } from "../provider/waiter/virtualClock";
import { stream } from "./random";

const INSTANCE = "crs-bench001";
const SLEEP_LOOP_MS = 30_000;
const CONFIG: Record<string, string> = { "tencentcloud:secretId": "AKIDbench", "tencentcloud:secretKey": "key", "tencentcloud:region": "ap-guangzhou", "tencentcloud-redis-task:endpoint": "http://127.0.0.1:1" };

/** One run of a hook against a task that runs for `taskMs`: when the change is accepted, and listings made. */
async function hookRun(kind: "before" | "retry", taskMs: number, random: () => number): Promise<{ acceptedMs: number; listings: number }> {
  const clock = new VirtualClock({ autoAdvance: true, recordSleeps: false });
  let listings = 0;
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    listings++;
    const running = clock.now() < taskMs;
    const tasks = running ? [{ TaskId: 1, Result: 1, TaskType: "012", InstanceId: INSTANCE, StartTime: "", Progress: 0.5 }] : [];
    void request;
    return { status: 200, headers: {}, body: JSON.stringify({ Response: { TotalCount: tasks.length, Tasks: tasks, RequestId: "b" } }) };
  };
  const runtime = { clock, transport, random, budget: false as const, writeProgress: () => undefined };
  const hook = resolveHookOptions("bench", {}, (key) => CONFIG[key], {});
  if (kind === "before") {
    await idleHookCallback(hook, runtime)({ name: "params", id: INSTANCE });
  } else {
    const retry = await busyRetryCallback(hook, runtime)({ name: "params", id: INSTANCE, failedOperation: "update", errors: ["[TencentCloudSDKError] Code=ResourceUnavailable.InstanceLockedError, Message=locked, RequestId=x"] });
    if (!retry) throw new Error("the retry hook declined a busy error");
  }
  return { acceptedMs: clock.now(), listings };
}

/** The hand-written loop: try at 0, then every 30 s until the instance is idle. */
function sleepLoop(taskMs: number): { acceptedMs: number; attempts: number } {
  const attempts = Math.ceil(taskMs / SLEEP_LOOP_MS) + 1;
  return { acceptedMs: (attempts - 1) * SLEEP_LOOP_MS, attempts };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main(): Promise<void> {
  const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=")));
  const trials = Number(args.trials ?? 2000);
  const seed = Number(args.seed ?? 20240601);
  const rows: string[] = [];
  const fixed = [10_000, 45_000, 120_000, 300_000, 900_000];
  rows.push("| task runs | before-hook: delay after end (mean) | retry-hook: delay (mean) | sleep-30s loop: delay | listings (hook) | attempts (loop) |", "|---|---|---|---|---|---|");
  for (const taskMs of fixed) {
    const before: number[] = [];
    const retry: number[] = [];
    let listings = 0;
    for (let i = 0; i < 200; i++) {
      const b = await hookRun("before", taskMs, stream(seed, taskMs, i, 1));
      before.push(b.acceptedMs - taskMs);
      listings += b.listings;
      retry.push((await hookRun("retry", taskMs, stream(seed, taskMs, i, 2))).acceptedMs - taskMs);
    }
    const loop = sleepLoop(taskMs);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    rows.push(`| ${seconds(taskMs)} s | ${seconds(mean(before))} s | ${seconds(mean(retry))} s | ${seconds(loop.acceptedMs - taskMs)} s | ${(listings / 200).toFixed(1)} | ${loop.attempts} |`);
  }
  // Task durations uniform in 5 s – 15 min: the sleep loop's delay is uniform in [0, 30 s).
  const random = stream(seed, 7);
  const hookDelays: number[] = [];
  const loopDelays: number[] = [];
  for (let i = 0; i < trials; i++) {
    const taskMs = Math.round(5_000 + random() * 895_000);
    hookDelays.push((await hookRun("before", taskMs, stream(seed, 8, i))).acceptedMs - taskMs);
    loopDelays.push(sleepLoop(taskMs).acceptedMs - taskMs);
  }
  hookDelays.sort((a, b) => a - b);
  loopDelays.sort((a, b) => a - b);
  const summary = (xs: number[]) => `${seconds(xs.reduce((a, b) => a + b, 0) / xs.length)} s mean, ${seconds(quantile(xs, 0.5))} s median, ${seconds(quantile(xs, 0.95))} s p95, ${seconds(xs[xs.length - 1])} s max`;
  rows.push("", `Task durations uniform in 5 s – 15 min, ${trials} trials, seed ${seed}:`, "", `- hooks (defaults: 2 s first interval, 30 s cap, jitter): ${summary(hookDelays)}`, `- sleep 30 s then retry: ${summary(loopDelays)}`);
  process.stdout.write(rows.join("\n") + "\n");
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
