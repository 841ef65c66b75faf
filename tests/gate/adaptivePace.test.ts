/**
 * The process-wide pace over real HTTP: 30 waits in one process start at the documented 20
 * calls/s against an emulator that allows 5. The first throttled answers slow the shared limiter
 * down, throttling stays a small fraction of the calls, and every wait succeeds.
 */
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { waitForRedisTask } from "../../provider/gate/waitForRedisTask";
import { sharedPace } from "../../provider/waiter";
import { emulatorSettings } from "../support/emulatorEnv";

jest.setTimeout(30_000);

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ faults: { rateLimitPerSecond: 5 } });
});
afterAll(() => emulator?.close());

test("30 waits against a 5 calls/s quota: the pace backs off, throttling stays rare, and all succeed", async () => {
  const ids = Array.from({ length: 30 }, (_, i) => 90_000 + i);
  for (const requestId of ids) emulator.addTask({ requestId, timeline: [{ status: 1, ms: 1000 }, { status: 2 }] });
  expect(sharedPace().ratePerSecond).toBe(20);
  const results = await Promise.all(
    ids.map((requestId) =>
      waitForRedisTask({ requestId, settings: emulatorSettings(emulator.url), timeout: "25s", minPollInterval: "200ms", maxPollInterval: "2s", label: "fleet", writeProgress: null }),
    ),
  );
  expect(results.map((result) => result.state)).toEqual(ids.map(() => "succeeded"));
  const { requests, throttled } = emulator.stats();
  expect(throttled).toBeGreaterThan(0);
  expect(throttled / requests).toBeLessThan(0.25);
  expect(sharedPace().ratePerSecond).toBeLessThan(20);
});
