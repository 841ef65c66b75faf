/** Timelines: the pure status function, and progression over HTTP on a virtual clock. */
import { type RunningEmulator, startEmulator } from "../../provider/emulator";
import { statusAt } from "../../provider/emulator/timeline";
import { callV2, callV3, virtualClock } from "./signedRequests";

describe("statusAt", () => {
  const timeline = [{ status: 0 as const, ms: 1000 }, { status: 1 as const, ms: 2000 }, { status: 2 as const }];

  it.each([
    [0, 0],
    [999, 0],
    [1000, 1],
    [2999, 1],
    [3000, 2],
    [86_400_000, 2],
  ])("at %i ms reports %i", (elapsed, status) => {
    expect(statusAt(timeline, elapsed)).toBe(status);
  });

  it("holds the last step forever even when it has ms", () => {
    expect(statusAt([{ status: 0, ms: 10 }, { status: 3, ms: 10 }], 1_000_000)).toBe(3);
  });

  it("treats zero-length steps as skipped", () => {
    expect(statusAt([{ status: 0, ms: 0 }, { status: 1 }], 0)).toBe(1);
  });
});

describe("timeline over HTTP", () => {
  const clock = virtualClock();
  let emu: RunningEmulator;
  const v2Status = async (requestId: number) => (await callV2(emu.url, clock.now(), { requestId })).json.data.status;
  const v3Status = async (taskId: number) => (await callV3(emu.url, clock.now(), { taskId })).json.Response.Status;
  const timeline = [{ status: 0 as const, ms: 1000 }, { status: 1 as const, ms: 2000 }, { status: 2 as const }];

  beforeAll(async () => {
    emu = await startEmulator({ clock: clock.now });
  });
  afterAll(() => emu.close());

  it("progresses from the first query, not from when the task was added", async () => {
    emu.addTask({ requestId: 1, timeline });
    clock.advance(60_000);
    expect(await v2Status(1)).toBe(0);
    clock.advance(999);
    expect(await v2Status(1)).toBe(0);
    clock.advance(1);
    expect(await v2Status(1)).toBe(1);
    clock.advance(1999);
    expect(await v2Status(1)).toBe(1);
    clock.advance(1);
    expect(await v2Status(1)).toBe(2);
    clock.advance(200_000);
    expect(await v2Status(1)).toBe(2);
  });

  it("shares one timeline between API 2.0 and API 3.0", async () => {
    emu.addTask({ requestId: 2, timeline });
    expect(await v3Status(2)).toBe("preparing");
    clock.advance(1500);
    expect(await v2Status(2)).toBe(1);
    clock.advance(1500);
    expect(await v3Status(2)).toBe("succeed");
  });

  it("is not started by rejected requests", async () => {
    emu.addTask({ requestId: 3, timeline });
    const rejected = await callV2(emu.url, clock.now(), { requestId: 3, secretKey: "wrong" });
    expect(rejected.json.code).toBe(4100);
    clock.advance(5000);
    expect(await v2Status(3)).toBe(0);
  });

  it("restarts when a task is replaced", async () => {
    emu.addTask({ requestId: 4, timeline });
    expect(await v2Status(4)).toBe(0);
    clock.advance(5000);
    expect(await v2Status(4)).toBe(2);
    emu.addTask({ requestId: 4, timeline });
    expect(await v2Status(4)).toBe(0);
  });
});
