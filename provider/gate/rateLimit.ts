/** The process-wide DescribeTaskInfo pace, from stack config or the environment. */
import type { ConfigLookup } from "../api/settings";
import { InputError } from "../api/errors";
import { configureSharedRateLimiter } from "../waiter/rateLimiter";
import { DEFAULT_RATE_LIMIT_PER_SECOND } from "./defaults";

/** Stack config key and environment variable of the rate limit. */
export const RATE_LIMIT_SOURCES = { config: "tencentcloud-redis-task:rateLimitPerSecond", env: "TENCENTCLOUD_REDIS_RATE_LIMIT" } as const;

/** The configured calls per second (stack config, then environment, then the default). */
export function configuredRateLimit(config?: ConfigLookup, env: NodeJS.ProcessEnv = process.env): number {
  const raw = config?.(RATE_LIMIT_SOURCES.config) || env[RATE_LIMIT_SOURCES.env];
  if (raw === undefined || raw === "") return DEFAULT_RATE_LIMIT_PER_SECOND;
  const rate = Number(raw);
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new InputError(
      RATE_LIMIT_SOURCES.config,
      `${RATE_LIMIT_SOURCES.config} (or ${RATE_LIMIT_SOURCES.env}) must be a positive number of calls per second; got ${JSON.stringify(raw)}`,
    );
  }
  return rate;
}

/** Applies the configured rate to the process-wide limiter. */
export function configureRateLimit(config?: ConfigLookup, env: NodeJS.ProcessEnv = process.env): void {
  configureSharedRateLimiter(configuredRateLimit(config, env));
}
