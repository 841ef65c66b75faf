/**
 * Part 3: what the package costs besides waiting. The serialized provider stored in every
 * TaskWait's state, a cold `require` of the package entry in a new process, and the CPU of one
 * poll (a real-HTTP DescribeTaskInfo call, the emulator in another process).
 */
import { fork, spawnSync, type ChildProcess } from "child_process";
import * as path from "path";
import { describeTaskInfo } from "../provider/api/describeTaskInfo";
import type { ApiVersion, ClientSettings } from "../provider/api/types";
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY } from "../provider/emulator";
import { taskWaitProviderStub } from "../provider/doors/dynamic/providerStub";
import { CPU_TASK_ID, type EmulatorChildMessage, type EmulatorParentMessage } from "./emulatorChild";
import { median } from "./stats";

const ROOT = path.resolve(__dirname, "..", "..");
const PACKAGE = "pulumi-tencentcloud-redis-task";

export const GOALS = { serializedBytes: 2048, coldRequireMs: 150 } as const;

export interface OverheadsResult {
  serializedProvider: {
    bytes: number;
    /** The same, read from `inputs.__provider` of a TaskWait registered under `pulumi.runtime.setMocks`. */
    registeredBytes: number;
    containsSecrets: boolean;
    goalBytes: number;
    met: boolean;
  };
  coldRequire: {
    runs: number;
    /** Median ms of `require(PACKAGE)` (and touching `taskWaitProvider`) in a fresh process. */
    medianMs: number;
    allMs: number[];
    /** Median ms from process start to the end of that require, and of an empty `node -e` for comparison. */
    medianProcessMs: number;
    medianEmptyProcessMs: number;
    resolvedTo: string;
    modulesLoaded: number;
    loadsPulumi: boolean;
    goalMs: number;
    met: boolean;
  };
  cpuPerPoll: Array<{ apiVersion: ApiVersion; calls: number; runs: number; clientMicros: number; emulatorMicros: number; allClientMicros: number[] }>;
}

/** The provider text stored in each TaskWait's `__provider`: exactly what `dynamic.Resource` serializes. */
async function serializedProvider(): Promise<OverheadsResult["serializedProvider"]> {
  // Loaded here only: @pulumi/pulumi is slow to load and no other measurement needs it.
  const runtime: typeof import("@pulumi/pulumi/runtime") = require("@pulumi/pulumi/runtime");
  // As dynamic.Resource does it: `() => provider` over a plain variable. Closing over the imported
  // binding instead would capture the whole compiled module object and overstate the size.
  const capture = (provider: unknown) => () => provider;
  const serialized = await runtime.serializeFunction(capture(taskWaitProviderStub), { allowSecrets: true });
  const bytes = Buffer.byteLength(serialized.text, "utf8");
  const registeredBytes = Number(nodeEval(REGISTER_SCRIPT));
  const largest = Math.max(bytes, registeredBytes);
  return { bytes, registeredBytes, containsSecrets: serialized.containsSecrets, goalBytes: GOALS.serializedBytes, met: largest <= GOALS.serializedBytes };
}

/** Registers one TaskWait under mocks (in a fresh process: mocks are global) and prints the size of its `__provider`. */
const REGISTER_SCRIPT = `
const pulumi = require("@pulumi/pulumi");
let provider = "";
pulumi.runtime.setMocks({
  newResource: (args) => { if (args.inputs.__provider) provider = args.inputs.__provider; return { id: "1", state: args.inputs }; },
  call: (args) => args.inputs,
}, "bench", "bench", false);
const { TaskWait } = require(${JSON.stringify(PACKAGE)});
new TaskWait("gate", { requestId: 1, region: "ap-guangzhou" }).urn.apply(() => process.stdout.write(String(Buffer.byteLength(provider, "utf8"))));`;

const REQUIRE_SCRIPT = `
const t0 = performance.now();
const pkg = require(${JSON.stringify(PACKAGE)});
void pkg.taskWaitProvider;
const t1 = performance.now();
process.stdout.write(JSON.stringify({
  requireMs: t1 - t0,
  processMs: t1,
  resolvedTo: require.resolve(${JSON.stringify(PACKAGE)}),
  modules: Object.keys(require.cache).length,
  pulumi: Object.keys(require.cache).some((k) => k.includes("@pulumi")),
}));`;

function nodeEval(script: string): string {
  // From the repo root, so the name resolves through the package's own `exports` (self-reference).
  const run = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`node -e failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

function coldRequire(runs: number): OverheadsResult["coldRequire"] {
  const results = Array.from({ length: runs }, () => JSON.parse(nodeEval(REQUIRE_SCRIPT)));
  const empty = Array.from({ length: runs }, () => Number(nodeEval("process.stdout.write(String(performance.now()))")));
  const allMs = results.map((r) => r.requireMs as number);
  const medianMs = median(allMs);
  return {
    runs,
    medianMs,
    allMs,
    medianProcessMs: median(results.map((r) => r.processMs)),
    medianEmptyProcessMs: median(empty),
    resolvedTo: path.relative(ROOT, results[0].resolvedTo),
    modulesLoaded: results[0].modules,
    loadsPulumi: results[0].pulumi,
    goalMs: GOALS.coldRequireMs,
    met: medianMs <= GOALS.coldRequireMs,
  };
}

/** A request/response helper over the emulator child's IPC channel. */
function ask(child: ChildProcess, message: EmulatorParentMessage): Promise<EmulatorChildMessage> {
  return new Promise((resolve) => {
    child.once("message", resolve);
    child.send(message);
  });
}

const micros = (usage: NodeJS.CpuUsage) => usage.user + usage.system;

async function cpuPerPoll(calls: number, runs: number): Promise<OverheadsResult["cpuPerPoll"]> {
  const child = fork(path.join(__dirname, "emulatorChild.js"), [], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  try {
    const ready = (await new Promise<EmulatorChildMessage>((resolve) => child.once("message", resolve))) as { type: "ready"; url: string };
    const rows: OverheadsResult["cpuPerPoll"] = [];
    for (const apiVersion of ["v2", "v3"] as const) {
      const settings: ClientSettings = {
        secretId: DEFAULT_EMULATOR_SECRET_ID,
        secretKey: DEFAULT_EMULATOR_SECRET_KEY,
        region: "ap-guangzhou",
        endpoint: ready.url,
        apiVersion,
      };
      // Warm-up: loads axios, opens the keep-alive socket, lets the JIT settle.
      for (let i = 0; i < 1000; i++) await describeTaskInfo(CPU_TASK_ID, settings);
      const client: number[] = [];
      const server: number[] = [];
      for (let run = 0; run < runs; run++) {
        const serverBefore = ((await ask(child, { type: "cpu" })) as { usage: NodeJS.CpuUsage }).usage;
        const before = process.cpuUsage();
        for (let i = 0; i < calls; i++) await describeTaskInfo(CPU_TASK_ID, settings);
        client.push(micros(process.cpuUsage(before)) / calls);
        const serverAfter = ((await ask(child, { type: "cpu" })) as { usage: NodeJS.CpuUsage }).usage;
        server.push((micros(serverAfter) - micros(serverBefore)) / calls);
      }
      rows.push({ apiVersion, calls, runs, clientMicros: median(client), emulatorMicros: median(server), allClientMicros: client });
    }
    return rows;
  } finally {
    child.send({ type: "stop" } satisfies EmulatorParentMessage);
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

export async function runOverheads(options: { requireRuns: number; pollCalls: number; pollRuns: number; log?: (line: string) => void }): Promise<OverheadsResult> {
  const coldRequireResult = coldRequire(options.requireRuns);
  options.log?.(`overheads: cold require median ${coldRequireResult.medianMs.toFixed(1)} ms`);
  const cpu = await cpuPerPoll(options.pollCalls, options.pollRuns);
  options.log?.(`overheads: CPU per poll measured`);
  const serialized = await serializedProvider();
  return { serializedProvider: serialized, coldRequire: coldRequireResult, cpuPerPoll: cpu };
}
