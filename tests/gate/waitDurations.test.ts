/** The durations of one wait: defaults, parsing, and the min ≤ max rule; and the rate-limit setting. */
import { waitDurations } from "../../provider/gate/waitForRedisTask";
import { configuredRateLimit } from "../../provider/gate/rateLimit";
import { DEFAULT_MAX_POLL_INTERVAL_MS, DEFAULT_MIN_POLL_INTERVAL_MS, DEFAULT_RATE_LIMIT_PER_SECOND, DEFAULT_TIMEOUT_MS } from "../../provider/gate/defaults";

test("defaults apply when nothing is given", () => {
  expect(waitDurations({})).toEqual({ timeoutMs: DEFAULT_TIMEOUT_MS, minPollIntervalMs: DEFAULT_MIN_POLL_INTERVAL_MS, maxPollIntervalMs: DEFAULT_MAX_POLL_INTERVAL_MS });
});

test("durations parse in every accepted form", () => {
  expect(waitDurations({ timeout: "1h30m", minPollInterval: "500ms", maxPollInterval: 15 })).toEqual({ timeoutMs: 5_400_000, minPollIntervalMs: 500, maxPollIntervalMs: 15_000 });
  expect(waitDurations({ timeout: "90" }).timeoutMs).toBe(90_000);
});

test("a minimum above the default maximum raises the maximum; an explicit max below the min is an error naming both", () => {
  expect(waitDurations({ minPollInterval: "1m" }).maxPollIntervalMs).toBe(60_000);
  expect(() => waitDurations({ minPollInterval: "30s", maxPollInterval: "10s" })).toThrow('minPollInterval must not exceed maxPollInterval; got "30s" > "10s"');
});

test.each([["0"], ["-5"], ["soon"], ["5 minutes"], [""]])("timeout %p is rejected naming the field", (value) => {
  if (value === "") {
    expect(waitDurations({ timeout: value }).timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    return;
  }
  expect(() => waitDurations({ timeout: value })).toThrow(/^timeout must be a positive duration such as "90s", "45m", "1h30m" or a number of seconds; got /);
});

test("the rate limit comes from stack config, then the environment, then the default", () => {
  expect(configuredRateLimit(undefined, {})).toBe(DEFAULT_RATE_LIMIT_PER_SECOND);
  expect(configuredRateLimit(undefined, { TENCENTCLOUD_REDIS_RATE_LIMIT: "5" })).toBe(5);
  expect(configuredRateLimit((k) => (k === "tencentcloud-redis-task:rateLimitPerSecond" ? "20" : undefined), { TENCENTCLOUD_REDIS_RATE_LIMIT: "5" })).toBe(20);
  expect(() => configuredRateLimit(undefined, { TENCENTCLOUD_REDIS_RATE_LIMIT: "fast" })).toThrow(
    'tencentcloud-redis-task:rateLimitPerSecond (or TENCENTCLOUD_REDIS_RATE_LIMIT) must be a positive number of calls per second; got "fast"',
  );
});
