/**
 * Part 3, through the real Pulumi CLI: a fleet of TaskWaits in one `pulumi up` of a user's project
 * (the package installed from its tarball), against the emulator limited to the documented 20
 * requests/s. The engine runs at most `--parallel` operations at once and a TaskWait holds its
 * slot for its whole wait, so the fleet runs twice: at the default `--parallel` (it must finish
 * with no failure, however long) and with `--parallel` = the fleet's size (it must finish within
 * 1.2 × (last completion + n/20 s + a one-gate `up` on a finished task, measured here)). Then a
 * refresh of the whole fleet at that parallelism, which must succeed under the same limit.
 */
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY, startEmulator, type RunningEmulator } from "../provider/emulator";
import type { ClientSettings } from "../provider/api/types";
import { PulumiStack, type CliRun } from "../tests/e2e/support/pulumiStack";
import { findPulumiCliDir } from "../tests/e2e/support/pulumiCli";
import { userProject } from "../tests/e2e/support/userProject";
import { arm } from "./fleet";
import { permutation, stream } from "./random";
import { median } from "./stats";

export interface CliFleetOptions {
  count: number;
  /** Task durations are spread evenly over [minTaskMs, maxTaskMs], in a seeded random order. */
  minTaskMs: number;
  maxTaskMs: number;
  emulatorRatePerSecond: number;
  seed: number;
  log?: (line: string) => void;
}

/** One deployment of the fleet. */
export interface FleetDeployment {
  parallel: number | "default";
  code: number | null;
  totalMs: number;
  /** When the last task completed, ms after the command started. */
  lastCompletionMs: number;
  succeeded: number;
  failed: number;
  apiCalls: number;
  throttled: number;
}

export interface CliFleetResult {
  options: Omit<CliFleetOptions, "log">;
  cliVersion: string;
  /** Median of three `pulumi up --skip-preview` of one gate on a finished task. */
  oneGateUpMs: number;
  oneGateUpRunsMs: number[];
  wide: FleetDeployment & { boundMs: number; ratioToBound: number };
  defaultParallel: FleetDeployment;
  refresh: { parallel: number; code: number | null; totalMs: number; apiCalls: number; throttled: number };
  goals: { defaultNoFailures: boolean; wideWithinBound: boolean; refreshSucceeded: boolean };
}

const REGION = "ap-guangzhou";

export async function runCliFleet(options: CliFleetOptions): Promise<CliFleetResult> {
  const cliDir = findPulumiCliDir();
  if (!cliDir) throw new Error("the CLI fleet needs the Pulumi CLI on PATH (or PULUMI_CLI_DIR)");
  const log = options.log ?? (() => undefined);
  const emulator = await startEmulator();
  const settings: ClientSettings = { secretId: DEFAULT_EMULATOR_SECRET_ID, secretKey: DEFAULT_EMULATOR_SECRET_KEY, region: REGION, endpoint: emulator.url, apiVersion: "v2" };
  const stacks: PulumiStack[] = [];
  const fleetStack = async (name: string, count: number, firstId: number) => {
    const stack = await PulumiStack.init({
      projectDir: userProject("fleet"),
      stack: name,
      env: { TENCENTCLOUD_REDIS_ENDPOINT: emulator.url },
      config: { "tencentcloud:secretId": DEFAULT_EMULATOR_SECRET_ID, "tencentcloud:region": REGION, "e2e-fleet:count": String(count), "e2e-fleet:firstId": String(firstId) },
      secrets: { "tencentcloud:secretKey": DEFAULT_EMULATOR_SECRET_KEY },
    });
    stacks.push(stack);
    return stack;
  };
  try {
    log("cli fleet: one gate on a finished task, three times");
    emulator.addTask({ requestId: 1, timeline: [{ status: 2 }] });
    const one = await fleetStack("one", 1, 1);
    const cliVersion = (await one.cli(["version"])).stdout.trim();
    const oneGateUpRunsMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      oneGateUpRunsMs.push((await one.up(["--skip-preview"])).ms);
      await one.destroy(["--skip-preview"]);
    }
    const oneGateUpMs = median(oneGateUpRunsMs);

    log(`cli fleet: ${options.count} gates, --parallel ${options.count}`);
    const wideStack = await fleetStack("wide", options.count, 400_000);
    const wide = await deployFleet(wideStack, emulator, settings, options, 400_000, options.count);
    const boundMs = 1.2 * (wide.lastCompletionMs + (options.count / options.emulatorRatePerSecond) * 1000 + oneGateUpMs);

    log(`cli fleet: refresh of ${options.count} gates, --parallel ${options.count}`);
    const before = emulator.stats();
    const refreshRun = await wideStack.refresh(["--skip-preview", "--parallel", String(options.count)], "any");
    const after = emulator.stats();
    const refresh = {
      parallel: options.count,
      code: refreshRun.code,
      totalMs: refreshRun.ms,
      apiCalls: after.requests - before.requests,
      throttled: after.throttled - before.throttled,
    };

    log(`cli fleet: ${options.count} gates at the default --parallel`);
    const defaultStack = await fleetStack("default", options.count, 500_000);
    const defaultParallel = await deployFleet(defaultStack, emulator, settings, options, 500_000, "default");

    return {
      options: { count: options.count, minTaskMs: options.minTaskMs, maxTaskMs: options.maxTaskMs, emulatorRatePerSecond: options.emulatorRatePerSecond, seed: options.seed },
      cliVersion,
      oneGateUpMs,
      oneGateUpRunsMs,
      wide: { ...wide, boundMs, ratioToBound: wide.totalMs / boundMs },
      defaultParallel,
      refresh,
      goals: {
        defaultNoFailures: defaultParallel.code === 0 && defaultParallel.failed === 0,
        wideWithinBound: wide.code === 0 && wide.failed === 0 && wide.totalMs <= boundMs,
        refreshSucceeded: refresh.code === 0,
      },
    };
  } finally {
    for (const stack of stacks) stack.dispose();
    await emulator.close();
  }
}

/** Adds and arms the fleet's tasks, then runs `pulumi up` under the emulator's rate limit. */
async function deployFleet(
  stack: PulumiStack,
  emulator: RunningEmulator,
  settings: ClientSettings,
  options: CliFleetOptions,
  firstId: number,
  parallel: number | "default",
): Promise<FleetDeployment> {
  const ids = Array.from({ length: options.count }, (_, i) => firstId + i);
  const order = permutation(options.count, stream(options.seed, 11, firstId));
  const span = options.maxTaskMs - options.minTaskMs;
  const durationOf = new Map(ids.map((id, i) => [id, options.minTaskMs + (span * order[i]) / Math.max(1, options.count - 1)]));
  for (const id of ids) emulator.addTask({ requestId: id, timeline: [{ status: 1, ms: durationOf.get(id)! }, { status: 2 }] });
  // Tasks run from their own start, not from when a gate first looks: one query each starts them now.
  emulator.setFaults({ rateLimitPerSecond: null });
  const answeredAt = await arm(ids, settings);
  emulator.setFaults({ rateLimitPerSecond: options.emulatorRatePerSecond });
  const before = emulator.stats();
  const startedAt = Date.now();
  const run: CliRun = await stack.up(["--skip-preview", ...(parallel === "default" ? [] : ["--parallel", String(parallel)])], "any");
  const after = emulator.stats();
  const lastCompletionMs = Math.max(...ids.map((id) => answeredAt.get(id)! + durationOf.get(id)!)) - startedAt;
  const gates = (await stack.exportState()).deployment.resources?.filter((r) => r.type === "pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait") ?? [];
  const succeeded = gates.filter((gate) => gate.outputs?.status === 2 && !(gate.initErrors?.length)).length;
  return {
    parallel,
    code: run.code,
    totalMs: run.ms,
    lastCompletionMs,
    succeeded,
    failed: options.count - succeeded,
    apiCalls: after.requests - before.requests,
    throttled: after.throttled - before.throttled,
  };
}
