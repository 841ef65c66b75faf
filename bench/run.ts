/**
 * `npm run bench`: the overheads, the schedule study (virtual time), the in-process fleets (real
 * time, about 2 minutes) and the fleet through the real Pulumi CLI (about 3 minutes; needs
 * `pulumi` on PATH), in that order. Writes bench/results.json and bench/results.md and prints the
 * markdown; see docs/BENCHMARKS.md for the method and the recorded results.
 *
 *   --quick             smoke run: 200 trials, 100 creates over 6 s, a 50-gate CLI fleet, fewer timing runs
 *   --only=a,b          sections among overheads, schedule, fleet, cli
 *   --seed=N            seed of the schedule study and of the fleet's completion order
 *   --fleet-rate=N      the fleet's tencentcloud-redis-task:rateLimitPerSecond (default 20)
 *
 * --quick and --only write results.quick.* / results.partial.* so a smoke run never replaces the
 * recorded full results.
 */
import * as fs from "fs";
import * as path from "path";
import { runDesignStudy } from "./designStudy";
import { renderInstanceIdle, runInstanceIdleStudy } from "./instanceIdle";
import { runCliFleet } from "./cliFleet";
import { runFleet } from "./fleet";
import { loadAverage, machineInfo } from "./machine";
import { runOverheads } from "./overheads";
import { renderReport, type BenchResults } from "./report";
import { runScheduleStudy } from "./scheduleStudy";

const SECTIONS = ["overheads", "schedule", "fleet", "cli"] as const;
type Section = (typeof SECTIONS)[number];

interface Plan {
  quick: boolean;
  sections: Section[];
  seed: number;
  fleetRate: number;
}

function parseArgs(argv: string[]): Plan {
  const plan: Plan = { quick: false, sections: [...SECTIONS], seed: 20240601, fleetRate: 20 };
  for (const arg of argv) {
    if (arg === "--quick") plan.quick = true;
    else if (arg.startsWith("--only=")) {
      const wanted = arg.slice("--only=".length).split(",");
      const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
      if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(", ")}; expected ${SECTIONS.join(", ")}`);
      plan.sections = SECTIONS.filter((s) => wanted.includes(s));
    } else if (arg.startsWith("--seed=")) plan.seed = Number(arg.slice("--seed=".length)) >>> 0;
    else if (arg.startsWith("--fleet-rate=")) {
      plan.fleetRate = Number(arg.slice("--fleet-rate=".length));
      if (!(plan.fleetRate > 0)) throw new Error(`--fleet-rate must be a positive number; got ${arg}`);
    } else throw new Error(`unknown argument ${arg}; expected --quick, --only=${SECTIONS.join(",")}, --seed=N, --fleet-rate=N`);
  }
  return plan;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const plan = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const results: BenchResults = {
    machine: machineInfo(),
    flags: { quick: plan.quick, sections: plan.sections, seed: plan.seed, fleetRate: plan.fleetRate },
    startedAt: new Date().toISOString(),
    elapsedMs: 0,
    sectionMs: {},
    loadAfter: {},
  };
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const value = await run();
    results.sectionMs[name] = performance.now() - t;
    results.loadAfter[name] = loadAverage();
    log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return value;
  };
  // First, while this process is fresh: the CPU per poll is measured here, and the schedule
  // study's garbage would otherwise be collected in the middle of it.
  if (plan.sections.includes("overheads")) {
    results.overheads = await timed("overheads", () =>
      runOverheads({ requireRuns: plan.quick ? 5 : 9, pollCalls: plan.quick ? 200 : 1000, pollRuns: plan.quick ? 3 : 5, log }),
    );
  }
  const trials = plan.quick ? 200 : 2000;
  if (plan.sections.includes("schedule")) {
    results.schedule = await timed("schedule", () => runScheduleStudy({ seed: plan.seed, trials, log }));
    results.design = await timed("design", () => runDesignStudy({ seed: plan.seed, trials, log }));
    results.instanceIdle = await timed("instance-idle", () => runInstanceIdleStudy({ seed: plan.seed, trials: trials / 4, log }));
  }
  if (plan.sections.includes("fleet")) {
    results.fleet = await timed("fleet", () =>
      runFleet({
        count: plan.quick ? 100 : 1000,
        spreadMs: plan.quick ? 6_000 : 60_000,
        clientRatePerSecond: plan.fleetRate,
        emulatorRatePerSecond: 20,
        seed: plan.seed,
        goalRatio: 1.2,
        guardMs: 10 * 60_000,
        log,
      }),
    );
    // At the package's defaults (no rate configured: the adaptive pace), the size the CLI fleet has.
    results.fleetDefaults = await timed("fleet-defaults", () =>
      runFleet({
        count: plan.quick ? 50 : 300,
        spreadMs: plan.quick ? 6_000 : 20_000,
        emulatorRatePerSecond: 20,
        seed: plan.seed,
        goalRatio: 1.1,
        guardMs: 5 * 60_000,
        log,
      }),
    );
  }
  if (plan.sections.includes("cli")) {
    results.cliFleet = await timed("cli", () =>
      runCliFleet({ count: plan.quick ? 50 : 300, minTaskMs: 2_000, maxTaskMs: 20_000, emulatorRatePerSecond: 20, seed: plan.seed, log }),
    );
  }
  results.elapsedMs = performance.now() - started;

  const partial = plan.sections.length < SECTIONS.length || plan.fleetRate !== 20;
  const stem = plan.quick ? "results.quick" : partial ? "results.partial" : "results";
  const dir = path.resolve(__dirname, "..", "..", "bench");
  const markdown = renderReport(results) + renderInstanceIdle(results.instanceIdle);
  fs.writeFileSync(path.join(dir, `${stem}.json`), JSON.stringify(results, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, `${stem}.md`), markdown);
  process.stdout.write(markdown);
  log(`wrote bench/${stem}.json and bench/${stem}.md in ${(results.elapsedMs / 1000).toFixed(1)} s`);
}

main().then(
  // Keep-alive sockets of the HTTP client would otherwise keep the process up for a while.
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  },
);
