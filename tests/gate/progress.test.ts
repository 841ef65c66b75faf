/** Progress lines: one per status change, and a heartbeat when a minute passes without a line. */
import { HeartbeatReporter, ProgressReporter, progressLine, type ProgressTimers } from "../../provider/gate/progress";
import { instanceProgressLines } from "../../provider/gate/waitForInstanceIdle";
import { TaskResult, resultText } from "../../provider/api/taskList";
import type { TaskRecord } from "../../provider/api/types";

/** Timers under the test's control: `advance(ms)` fires what is due, in order. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: ProgressTimers = {
    setTimer: (callback, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimer: (handle) => {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
    }
    now = until;
  };
  return { timers, advance, now: () => now, pending: () => pending.size };
}

const record = (status: 0 | 1 | 2, statusText: "Waiting" | "Executing" | "Succeeded"): TaskRecord => ({
  requestId: 11963,
  status,
  statusText,
  code: 0,
  message: "",
  codeDesc: "Success",
});

test("the line format names the resource, the task, the status, the polls and the time", () => {
  expect(progressLine("TaskWait gate", 11963, { record: record(1, "Executing"), polls: 12, waitedMs: 80_000 })).toBe(
    "[TaskWait gate] task 11963: Executing, 12 polls, 1m20s",
  );
  expect(progressLine("wait", 7, { polls: 1, waitedMs: 0, retrying: "4400" })).toBe("[wait] task 7: no answer yet, 1 polls, 0s (retrying: 4400)");
});

test("a line on each status change, none for polls without a change", () => {
  const clock = manualTimers();
  const lines: string[] = [];
  const reporter = new ProgressReporter("TaskWait gate", 11963, (l) => lines.push(l), clock.now, clock.timers);
  reporter.observe({ record: record(0, "Waiting"), polls: 1, waitedMs: 0 }, true);
  clock.advance(1000);
  reporter.observe({ record: record(0, "Waiting"), polls: 2, waitedMs: 1000 }, false);
  clock.advance(2000);
  reporter.observe({ record: record(1, "Executing"), polls: 3, waitedMs: 3000 }, true);
  expect(lines).toEqual(["[TaskWait gate] task 11963: Waiting, 1 polls, 0s", "[TaskWait gate] task 11963: Executing, 3 polls, 3s"]);
  reporter.stop();
});

test("a heartbeat line every minute without a change, showing the latest poll count and the time waited", () => {
  const clock = manualTimers();
  const lines: string[] = [];
  const reporter = new ProgressReporter("TaskWait gate", 11963, (l) => lines.push(l), clock.now, clock.timers);
  reporter.observe({ record: record(1, "Executing"), polls: 1, waitedMs: 0 }, true);
  clock.advance(59_000);
  reporter.observe({ record: record(1, "Executing"), polls: 9, waitedMs: 59_000 }, false);
  expect(lines).toHaveLength(1);
  clock.advance(1_000);
  expect(lines[1]).toBe("[TaskWait gate] task 11963: Executing, 9 polls, 1m");
  clock.advance(60_000);
  expect(lines[2]).toBe("[TaskWait gate] task 11963: Executing, 9 polls, 2m");
  reporter.stop();
  clock.advance(600_000);
  expect(lines).toHaveLength(3);
  expect(clock.pending()).toBe(0);
});

test("a status change restarts the heartbeat, so lines are never more than a minute apart nor doubled", () => {
  const clock = manualTimers();
  const lines: string[] = [];
  const reporter = new ProgressReporter("g", 1, (l) => lines.push(l), clock.now, clock.timers);
  reporter.observe({ record: record(0, "Waiting"), polls: 1, waitedMs: 0 }, true);
  clock.advance(50_000);
  reporter.observe({ record: record(1, "Executing"), polls: 5, waitedMs: 50_000 }, true);
  clock.advance(59_999);
  expect(lines).toHaveLength(2);
  clock.advance(1);
  expect(lines).toHaveLength(3);
  reporter.stop();
});

test("lines while the task runs (status changes and heartbeats) are ephemeral; the line of a terminal status stays", () => {
  const clock = manualTimers();
  const lines: { line: string; ephemeral: boolean }[] = [];
  const reporter = new ProgressReporter("g", 1, (line, options) => lines.push({ line, ephemeral: options?.ephemeral === true }), clock.now, clock.timers);
  reporter.observe({ record: record(1, "Executing"), polls: 1, waitedMs: 0 }, true);
  clock.advance(60_000);
  reporter.observe({ record: record(2, "Succeeded"), polls: 30, waitedMs: 61_000 }, true);
  reporter.stop();
  expect(lines.map((l) => l.ephemeral)).toEqual([true, true, false]);
  expect(lines[2].line).toBe("[g] task 1: Succeeded, 30 polls, 1m1s");
});

test("an instance wait's lines while tasks run are ephemeral; the idle line stays", () => {
  const clock = manualTimers();
  const lines: { line: string; ephemeral: boolean }[] = [];
  const start = { instanceId: "crs-abcd1234", active: [], noTaskFound: false, calls: 0, waitedMs: 0 };
  const write = (line: string, options?: { ephemeral?: boolean }) => lines.push({ line, ephemeral: options?.ephemeral === true });
  const reporter = new HeartbeatReporter(instanceProgressLines("InstanceIdle redis"), start, write, clock.now, clock.timers);
  const running = {
    taskId: 12,
    taskType: "FLOW_RESIZE",
    instanceId: "crs-abcd1234",
    startTime: "2024-05-01 10:00:00",
    progress: 0.4,
    result: TaskResult.Running,
    resultText: resultText(TaskResult.Running),
  };
  reporter.observe({ ...start, active: [running], calls: 1 }, true);
  clock.advance(60_000);
  reporter.observe({ ...start, calls: 30, waitedMs: 61_000 }, true);
  reporter.stop();
  expect(lines.map((l) => l.ephemeral)).toEqual([true, true, false]);
  expect(lines[2].line).toBe("[InstanceIdle redis] instance crs-abcd1234: idle, no task running; 30 polls, 1m1s");
});
