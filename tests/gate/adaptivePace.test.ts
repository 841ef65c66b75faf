/**
 * The process-wide pace over real HTTP: 30 waits in one process start at the documented 20
 * calls/s against an emulator that allows 5. The first throttled answers slow the shared limiter
 * down, throttling stays a small fraction of the calls, and every wait succeeds.
 */
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { waitForRedisTask } from "../../provider/gate/waitForRedisTask";
import { sharedPace } from "../../provider/waiter";
import { emulatorSettings } from "../support/emulatorEnv";

// Safety nets: the waits took 11-12 s alone on two cores; the claims are the counts below.
jest.setTimeout(120_000);
const WAIT_SAFETY_NET = "90s";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ faults: { rateLimitPerSecond: 5 } });
});
afterAll(() => emulator?.close());

test("30 waits against a 5 calls/s quota: the pace backs off, throttling stays rare, and all succeed", async () => {
  const ids = Array.from({ length: 30 }, (_, i) => 90_000 + i);
  for (const requestId of ids) emulator.addTask({ requestId, timeline: [{ status: 1, ms: 1000 }, { status: 2 }] });
  const pace = sharedPace();
  expect(pace.ratePerSecond).toBe(20);
  // The slowest pace the throttled answers set: read at each of them, not at the end, since the
  // pace climbs back while the last waits finish (how far depends on the machine's speed).
  let slowest = pace.ratePerSecond;
  const onThrottled = pace.onThrottled.bind(pace);
  jest.spyOn(pace, "onThrottled").mockImplementation(() => {
    onThrottled();
    slowest = Math.min(slowest, pace.ratePerSecond);
  });
  const results = await Promise.all(
    ids.map((requestId) =>
      waitForRedisTask({ requestId, settings: emulatorSettings(emulator.url), timeout: WAIT_SAFETY_NET, minPollInterval: "200ms", maxPollInterval: "2s", label: "fleet", writeProgress: null }),
    ),
  );
  expect(results.map((result) => result.state)).toEqual(ids.map(() => "succeeded"));
  const { requests, throttled } = emulator.stats();
  expect(throttled).toBeGreaterThan(0);
  expect(throttled / requests).toBeLessThan(0.25);
  expect(slowest).toBeLessThanOrEqual(10);
  process.stdout.write(`30 waits at a 5 calls/s quota: ${requests} requests, ${throttled} throttled, slowest pace ${slowest}/s\n`);
});
