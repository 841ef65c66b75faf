/** The markdown tables printed by `npm run bench` and recorded in docs/BENCHMARKS.md. */
import type { DesignStudyResult, SweepResult } from "./designStudy";
import type { CliFleetResult } from "./cliFleet";
import type { FleetResult } from "./fleet";
import type { MachineInfo } from "./machine";
import type { OverheadsResult } from "./overheads";
import type { ReferenceRow, ScheduleStudyResult } from "./scheduleStudy";
import type { PairedComparison } from "./stats";
import type { OursAtDuration, PairResult } from "./trials";

export interface BenchResults {
  machine: MachineInfo;
  flags: { quick: boolean; sections: string[]; seed: number; fleetRate: number };
  startedAt: string;
  elapsedMs: number;
  sectionMs: Record<string, number>;
  /** 1-minute load average after each section. */
  loadAfter: Record<string, number>;
  schedule?: ScheduleStudyResult;
  design?: DesignStudyResult;
  fleet?: FleetResult;
  /** 300 in-process creates at the package's defaults (the adaptive pace). */
  fleetDefaults?: FleetResult;
  /** The fleet through the real Pulumi CLI. */
  cliFleet?: CliFleetResult;
  overheads?: OverheadsResult;
}

const seconds = (ms: number, digits = 2) => `${(ms / 1000).toFixed(digits)} s`;
const bound = (ms: number) => `${ms / 1000} s`;
const signedPct = (ratio: number) => `${ratio >= 1 ? "+" : "−"}${Math.abs((ratio - 1) * 100).toFixed(1)} %`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/** ✓ lower by > 2 SE; "tie" lower on average but within 2 SE (could flip with the seed); ✗ not lower. */
function verdict(c: PairedComparison): string {
  if (c.met) return "✓";
  return c.meanDiff < 0 ? "tie ✗" : "✗";
}

const design = (growth: number, minMs: number, maxMs: number) => `growth ${growth}, (${bound(minMs)}, ${bound(maxMs)})`;

function goalsTable(name: string, rows: OursAtDuration[], references: ReferenceRow[]): string {
  return table(
    ["Task", "Schedule", "Calls/wait", "Mean delay", "p95 delay", "Calls vs Terraform", "Goal 1", "Mean delay vs AWS", "Goal 2"],
    rows.flatMap((r, i) => {
      const ref = references[i];
      return [
        [
          r.label,
          `**${name}**`,
          r.ours.calls.toFixed(2),
          seconds(r.ours.delayMeanMs),
          seconds(r.ours.delayP95Ms),
          `${signedPct(r.callsRatio)} (±${((2 * r.callsVsTerraform.se) / ref.terraform.calls * 100).toFixed(1)} %)`,
          verdict(r.callsVsTerraform),
          `${signedPct(r.delayRatio)} (±${((2 * r.delayVsAws.se) / ref.aws.delayMeanMs * 100).toFixed(1)} %)`,
          verdict(r.delayVsAws),
        ],
        [r.label, "Terraform", ref.terraform.calls.toFixed(2), seconds(ref.terraform.delayMeanMs), seconds(ref.terraform.delayP95Ms), "", "", "", ""],
        [r.label, "AWS SDK v3", ref.aws.calls.toFixed(2), seconds(ref.aws.delayMeanMs), seconds(ref.aws.delayP95Ms), "", "", "", ""],
      ];
    }),
  );
}

function gridTable(grid: PairResult[], references: ReferenceRow[], marked?: PairResult, shipped?: { minMs: number; maxMs: number }): string {
  const head = [
    "min",
    "max",
    ...references.map((r) => `calls ${r.label} (TF ${r.terraform.calls.toFixed(2)})`),
    ...references.map((r) => `delay ${r.label} (AWS ${seconds(r.aws.delayMeanMs, 1)})`),
    "both goals",
    "score",
  ];
  const rows = grid.map((p) => {
    const tags = [p === marked ? "**best**" : "", shipped && p.minMs === shipped.minMs && p.maxMs === shipped.maxMs ? "_shipped_" : ""].filter(Boolean);
    return [
      bound(p.minMs),
      bound(p.maxMs),
      ...p.perDuration.map((d) => `${d.ours.calls.toFixed(2)} ${verdict(d.callsVsTerraform)}`),
      ...p.perDuration.map((d) => `${seconds(d.ours.delayMeanMs, 2)} ${verdict(d.delayVsAws)}`),
      (p.meetsBoth ? "yes" : "no") + (tags.length ? ` ${tags.join(" ")}` : ""),
      p.score.toFixed(3),
    ];
  });
  return table(head, rows);
}

function sweepTable(columns: Array<{ name: string; sweep: SweepResult }>): string {
  const head = ["Task (±20 %)", ...columns.flatMap((c) => [`${c.name}: calls ÷ Terraform`, `${c.name}: mean delay ÷ AWS`])];
  const rows = columns[0].sweep.rows.map((_, i) => [
    columns[0].sweep.rows[i].label,
    ...columns.flatMap((c) => {
      const r = c.sweep.rows[i];
      return [`${r.callsRatio.toFixed(2)} ${verdict(r.callsVsTerraform)}`, `${r.delayRatio.toFixed(2)} ${verdict(r.delayVsAws)}`];
    }),
  ]);
  return table(head, rows);
}

export function scheduleSection(s: ScheduleStudyResult, d?: DesignStudyResult): string {
  const out: string[] = [];
  out.push(`## 1. Schedule study (virtual time, seed ${s.seed}, ${s.trialsPerDuration} trials per duration)`);
  out.push(
    `Each trial's task completes duration × U(0.8, 1.2) after the wait's first poll. "Delay" is from completion to the poll that sees it. ` +
      `Goal 1: fewer calls than Terraform; goal 2: lower mean delay than AWS; ✓ = better by more than 2 standard errors (paired trials), ` +
      `"tie ✗" = better on average but within noise. ±x % = 2 SE of the difference.`,
  );
  out.push(`### 1a. Shipped defaults (${bound(s.defaults.minMs)}, ${bound(s.defaults.maxMs)}), the real \`waitForTask\``);
  out.push(goalsTable(`ours (${bound(s.defaults.minMs)}, ${bound(s.defaults.maxMs)})`, s.shipped.perDuration, s.references));
  out.push(`### 1b. Grid of (minPollInterval, maxPollInterval), the real \`waitForTask\` (shipped backoff)`);
  out.push(gridTable(s.grid, s.references, s.best, s.defaults));
  out.push(
    s.best
      ? `Best balance meeting both goals: (${bound(s.best.minMs)}, ${bound(s.best.maxMs)}), score ${s.best.score.toFixed(3)} (score = mean calls ÷ Terraform's + mean delay ÷ AWS's, over the four durations; lower is better).`
      : `**No pair of the grid meets both goals at every duration** with the shipped backoff. Score = mean calls ÷ Terraform's + mean delay ÷ AWS's over the four durations (lower is better).`,
  );
  if (d) out.push(designSection(s, d));
  out.push(`Schedule study time: ${seconds(s.elapsedMs, 1)} (${(s.virtualPolls / 1e6).toFixed(1)} M virtual polls)${d ? `; design study ${seconds(d.elapsedMs, 1)}` : ""}.`);
  return out.join("\n\n");
}

function designSection(s: ScheduleStudyResult, d: DesignStudyResult): string {
  const out: string[] = [];
  out.push(`### 1c. Design options: the backoff's growth factor (model of \`pollDelay\`, checked against the real waiter)`);
  out.push(
    `Model check: the model with the shipped growth (${d.shippedGrowth}) reproduces the real waiter on ` +
      `${d.modelCheck.trials - d.modelCheck.mismatches}/${d.modelCheck.trials} trials${d.modelCheck.identical ? " (identical)" : " — **MISMATCH: the numbers below are not trustworthy**"}.`,
  );
  out.push(
    table(
      ["Growth", "pairs meeting both goals at 5 s/1 min/10 min/1 h (of 20)", "best pair", "score", "sweep 2 s–1 h: durations meeting both (of 24)", "worst calls ÷ TF", "worst delay ÷ AWS"],
      d.growths.map((g) => [
        `${g.growth}${g.growth === d.shippedGrowth ? " (shipped)" : ""}`,
        String(g.pairsMeetingBoth),
        g.best ? `(${bound(g.best.minMs)}, ${bound(g.best.maxMs)})` : "—",
        g.best ? g.best.score.toFixed(3) : "—",
        g.best?.sweep ? String(g.best.sweep.durationsMeetingBoth) : "—",
        g.best?.sweep ? g.best.sweep.worstCallsRatio.toFixed(2) : "—",
        g.best?.sweep ? g.best.sweep.worstDelayRatio.toFixed(2) : "—",
      ]),
    ),
  );
  if (d.qualifying.length > 0) {
    out.push(`Every candidate meeting both goals at the four durations, on the robustness sweep (1e):`);
    out.push(
      table(
        ["Growth", "min", "max", "score", "sweep: durations meeting both (of 24)", "worst calls ÷ TF", "worst delay ÷ AWS", "failing durations"],
        d.qualifying.map((c) => [
          String(c.growth),
          bound(c.minMs),
          bound(c.maxMs),
          c.score.toFixed(3) + (c === d.recommended ? " **recommended**" : ""),
          String(c.sweep!.durationsMeetingBoth),
          c.sweep!.worstCallsRatio.toFixed(2),
          c.sweep!.worstDelayRatio.toFixed(2),
          c.sweep!.rows
            .filter((row) => !(row.callsVsTerraform.met && row.delayVsAws.met))
            .map((row) => `${row.label} (${row.callsVsTerraform.met ? "" : "calls"}${row.callsVsTerraform.met || row.delayVsAws.met ? "" : "+"}${row.delayVsAws.met ? "" : "delay"})`)
            .join(", ") || "—",
        ]),
      ),
    );
  }
  const r = d.recommended;
  if (!r) {
    out.push(`No candidate meets both goals on the whole sweep.`);
    return out.join("\n\n");
  }
  out.push(`### 1d. Recommended: ${design(r.growth, r.minMs, r.maxMs)}`);
  out.push(goalsTable(`growth ${r.growth} (${bound(r.minMs)}, ${bound(r.maxMs)})`, r.perDuration, s.references));
  out.push(`Grid with growth ${r.growth} (model):`);
  out.push(gridTable(d.recommendedGrowthGrid, s.references, d.recommendedGrowthGrid.find((c) => c.minMs === r.minMs && c.maxMs === r.maxMs)));
  out.push(`### 1e. Robustness sweep: 24 task durations, ${s.trialsPerDuration} trials each`);
  out.push(
    sweepTable([
      { name: `shipped (growth ${d.shippedGrowth}, ${bound(s.defaults.minMs)}, ${bound(s.defaults.maxMs)})`, sweep: d.shippedSweep },
      { name: `recommended (growth ${r.growth}, ${bound(r.minMs)}, ${bound(r.maxMs)})`, sweep: r.sweep! },
    ]),
  );
  return out.join("\n\n");
}

export function fleetSection(f: FleetResult, heading = "2. Fleet"): string {
  const o = f.options;
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  const overBy = f.ratioToIdeal > o.goalRatio ? ` (over by ${((f.ratioToIdeal / o.goalRatio - 1) * 100).toFixed(1)} %)` : "";
  const rate =
    o.clientRatePerSecond === undefined
      ? "unset (the default: the adaptive pace, ceiling 20 calls/s)"
      : `\`tencentcloud-redis-task:rateLimitPerSecond\` = ${o.clientRatePerSecond}`;
  return [
    `## ${heading}: ${o.count} concurrent TaskWait creates over real HTTP (one run, real time)`,
    `Provider stub → \`taskWaitProvider.configure/check/create\` in one child process, stack config ${rate}; goal total ÷ ideal ≤ ${o.goalRatio}; ` +
      `emulator token bucket ${o.emulatorRatePerSecond} requests/s. Task completion times ${seconds(o.spreadMs, 0)}·k/${o.count} (k = 1..${o.count}) in a seeded random order, ` +
      `timed from one arming query per task just before the creates (the arming calls, ${f.armingCalls}, are made before the limit is switched on and are not counted).`,
    table(
      ["Creates", "Failed", "Throttled", "API calls", "Total time", "Ideal (last completion + n/20 s)", "Total ÷ ideal", "Goals"],
      [
        [
          String(f.creates),
          `${f.failed} ${mark(f.goals.noFailures)}`,
          `${f.throttled} ${mark(f.goals.noThrottled)}`,
          `${f.apiCalls} (${(f.apiCalls / f.creates).toFixed(2)}/wait)`,
          seconds(f.totalMs, 1),
          `${seconds(f.idealMs, 1)} (${seconds(f.lastCompletionMs, 1)} + ${seconds((o.count / o.emulatorRatePerSecond) * 1000, 0)})`,
          `${f.ratioToIdeal.toFixed(2)} ${mark(f.goals.withinTime)}${overBy}`,
          f.goals.noFailures && f.goals.noThrottled && f.goals.withinTime ? "all met" : "**missed**",
        ],
      ],
    ),
    table(
      ["Detection delay mean / p95 / max", "Peak live heap per waiting resource", "Peak RSS per waiting resource", "Memory samples", "Progress lines (to a file)"],
      [
        [
          `${seconds(f.detectionDelayMs.mean, 1)} / ${seconds(f.detectionDelayMs.p95, 1)} / ${seconds(f.detectionDelayMs.max, 1)}`,
          kb(f.memoryPerWait.heapBytes),
          kb(f.memoryPerWait.rssBytes),
          String(f.memoryPerWait.samples),
          String(f.progressLines),
        ],
      ],
    ),
    ...(f.failures.length ? [`Failures: ${f.failures.join("; ")}`] : []),
  ].join("\n\n");
}

export function overheadsSection(o: OverheadsResult): string {
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  const c = o.coldRequire;
  const s = o.serializedProvider;
  return [
    `## 3. Overheads`,
    table(
      ["Measure", "Result", "Goal", "Met"],
      [
        [
          "Serialized provider per resource (`__provider`)",
          `${s.bytes} B via \`serializeFunction\`, ${s.registeredBytes} B from a TaskWait registered under \`setMocks\` (${((Math.max(s.bytes, s.registeredBytes) / s.goalBytes) * 100).toFixed(0)} % of the goal)`,
          `≤ ${s.goalBytes} B`,
          mark(s.met),
        ],
        [
          `Cold \`require("pulumi-tencentcloud-redis-task")\` (→ ${c.resolvedTo})`,
          `${c.medianMs.toFixed(1)} ms median of ${c.runs} (${c.modulesLoaded} modules, @pulumi/pulumi ${c.loadsPulumi ? "loaded" : "not loaded"})`,
          `≤ ${c.goalMs} ms`,
          mark(c.met) + (c.met ? "" : ` (over by ${(c.medianMs - c.goalMs).toFixed(0)} ms)`),
        ],
        [`Process start → package loaded`, `${c.medianProcessMs.toFixed(0)} ms median (empty \`node -e\`: ${c.medianEmptyProcessMs.toFixed(0)} ms)`, "—", ""],
        ...o.cpuPerPoll.map((p) => [
          `CPU per poll, API ${p.apiVersion} (client process only)`,
          `${p.clientMicros.toFixed(0)} µs median of ${p.runs} × ${p.calls} calls (emulator, separate process: ${p.emulatorMicros.toFixed(0)} µs)`,
          "—",
          "",
        ]),
      ],
    ),
  ].join("\n\n");
}

export function machineSection(r: BenchResults): string {
  const m = r.machine;
  return [
    `## Machine`,
    table(["nproc", "CPU", "Node", "OS", "Memory", "Run", "Bench time", "Load avg (1 min): start / after each section"], [
      [
        String(m.nproc),
        m.cpuModel,
        m.node,
        m.os,
        `${m.memoryGiB} GiB`,
        `${r.startedAt}${r.flags.quick ? " (--quick)" : ""}`,
        `${seconds(r.elapsedMs, 1)} (${Object.entries(r.sectionMs).map(([name, ms]) => `${name} ${seconds(ms, 1)}`).join(", ")})`,
        [m.loadAtStart, ...Object.entries(r.loadAfter).map(([name, load]) => `${load} (${name})`)].join(" / "),
      ],
    ]),
  ].join("\n\n");
}

export function cliFleetSection(c: CliFleetResult): string {
  const o = c.options;
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  const row = (d: CliFleetResult["defaultParallel"], extra: string) => [
    String(d.parallel),
    String(d.code),
    `${d.succeeded} / ${d.failed}`,
    `${d.apiCalls} (${(d.apiCalls / o.count).toFixed(2)}/gate)`,
    String(d.throttled),
    seconds(d.lastCompletionMs, 1),
    seconds(d.totalMs, 1),
    extra,
  ];
  return [
    `## 2c. Fleet through the real Pulumi CLI: ${o.count} TaskWaits in one \`pulumi up\` (${c.cliVersion})`,
    `A user's project (the package installed from its tarball; \`tests/e2e/programs/fleet\`, default poll settings and rate), a file backend, ` +
      `\`pulumi up --yes --skip-preview\`; emulator token bucket ${o.emulatorRatePerSecond} requests/s. Task durations spread evenly over ` +
      `${seconds(o.minTaskMs, 0)}–${seconds(o.maxTaskMs, 0)} in a seeded order, timed from one arming query per task just before the command. ` +
      `Bound = 1.2 × (last completion + ${o.count}/${o.emulatorRatePerSecond} s + one-gate up), the one-gate up on a finished task measured in the same run ` +
      `(median of ${c.oneGateUpRunsMs.map((ms) => seconds(ms, 1)).join(", ")} = ${seconds(c.oneGateUpMs, 1)}).`,
    table(
      ["--parallel", "Exit", "Succeeded / failed", "API calls", "Throttled", "Last completion", "Total", "Bound (goal)"],
      [
        row(c.wide, `${seconds(c.wide.boundMs, 1)}: ${c.wide.ratioToBound.toFixed(2)} × ${mark(c.goals.wideWithinBound)}`),
        row(c.defaultParallel, `no failures ${mark(c.goals.defaultNoFailures)}`),
      ],
    ),
    table(
      ["Refresh of the fleet", "Exit", "API calls", "Throttled", "Total", "Goal"],
      [[`--parallel ${c.refresh.parallel}`, String(c.refresh.code), String(c.refresh.apiCalls), String(c.refresh.throttled), seconds(c.refresh.totalMs, 1), `succeeds ${mark(c.goals.refreshSucceeded)}`]],
    ),
  ].join("\n\n");
}

export function renderReport(r: BenchResults): string {
  const parts = [`# Benchmark results`, machineSection(r)];
  if (r.schedule) parts.push(scheduleSection(r.schedule, r.design));
  if (r.fleet) parts.push(fleetSection(r.fleet));
  if (r.fleetDefaults) parts.push(fleetSection(r.fleetDefaults, "2b. Fleet at the defaults"));
  if (r.cliFleet) parts.push(cliFleetSection(r.cliFleet));
  if (r.overheads) parts.push(overheadsSection(r.overheads));
  return parts.join("\n\n") + "\n";
}
