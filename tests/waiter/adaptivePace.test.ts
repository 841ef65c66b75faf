/** The adaptive pace in virtual time: halve on throttling (once per overload), climb back while answered. */
import { AdaptivePace, RateLimiter, VirtualClock } from "../../provider/waiter";
import { DECREASE_COOLDOWN_MS, MIN_RATE_PER_SECOND } from "../../provider/waiter/adaptivePace";

function paced(ceiling = 20) {
  const clock = new VirtualClock();
  const limiter = new RateLimiter({ ratePerSecond: 1, clock });
  const pace = new AdaptivePace(limiter, { ceiling, clock });
  return { clock, limiter, pace };
}

test("starts at the ceiling and sets the limiter there", () => {
  const { pace, limiter } = paced(20);
  expect(pace.ratePerSecond).toBe(20);
  expect(limiter.ratePerSecond).toBe(20);
});

test("a throttled answer halves the rate; its echoes within the cooldown do not halve it again", async () => {
  const { pace, limiter, clock } = paced(20);
  pace.onThrottled();
  expect(limiter.ratePerSecond).toBe(10);
  await clock.advance(DECREASE_COOLDOWN_MS - 1);
  pace.onThrottled();
  pace.onThrottled();
  expect(limiter.ratePerSecond).toBe(10);
  await clock.advance(1);
  pace.onThrottled();
  expect(limiter.ratePerSecond).toBe(5);
});

test("never goes below the floor", async () => {
  const { pace, limiter, clock } = paced(4);
  for (let i = 0; i < 10; i++) {
    pace.onThrottled();
    await clock.advance(DECREASE_COOLDOWN_MS);
  }
  expect(limiter.ratePerSecond).toBe(MIN_RATE_PER_SECOND);
});

test("answers without throttling climb back by a tenth of the ceiling per second, up to the ceiling", async () => {
  const { pace, limiter, clock } = paced(20);
  pace.onThrottled();
  expect(limiter.ratePerSecond).toBe(10);
  await clock.advance(100);
  pace.onAnswered(); // +0.2/s: too small a step to re-pace for
  expect(limiter.ratePerSecond).toBe(10);
  await clock.advance(900);
  pace.onAnswered();
  expect(limiter.ratePerSecond).toBeCloseTo(12, 5);
  await clock.advance(2500);
  pace.onAnswered();
  expect(limiter.ratePerSecond).toBeCloseTo(17, 5);
  await clock.advance(60_000);
  pace.onAnswered();
  expect(limiter.ratePerSecond).toBe(20);
});

test("a new ceiling (configuration) restarts the rate there", () => {
  const { pace, limiter } = paced(20);
  pace.onThrottled();
  pace.setCeiling(8);
  expect(limiter.ratePerSecond).toBe(8);
  expect(pace.ceiling).toBe(8);
  expect(() => pace.setCeiling(0)).toThrow(/positive number of calls per second; got 0/);
});
