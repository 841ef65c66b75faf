/**
 * `redis-task-timeout-bounded`: a TaskWait holds the deployment for up to its timeout, so a team
 * caps it. The TaskWait's `timeout` input already carries `customTimeouts.create` when only that
 * was given; without either the resource waits {@link DEFAULT_TIMEOUT}, which is checked too.
 */
import type { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { InputError } from "../api/errors";
import { parseDuration } from "../input/duration";
import { DEFAULT_TIMEOUT } from "../resources/taskWait/types";
import { configWithDefaults, DURATION_PATTERN, skip } from "./config";
import { isTaskWait, readProperty, taskWaitLabel } from "./resources";

/** Config of {@link redisTaskTimeoutBounded}. */
export interface TimeoutBoundedConfig {
  /** The longest timeout allowed: a duration such as `"2h"` or a number of seconds. Default `"2h"`. */
  maxTimeout: string | number;
}

/** Config schema of {@link redisTaskTimeoutBounded}. */
export const timeoutBoundedConfigSchema: PolicyConfigSchema = {
  properties: {
    maxTimeout: {
      type: ["string", "number"],
      pattern: DURATION_PATTERN,
      exclusiveMinimum: 0,
      default: "2h",
      description: 'The longest TaskWait timeout allowed: a duration such as "90m" or "2h", or a number of seconds.',
    },
  },
};

/** How messages show a timeout as the user wrote it: `"3h"` or `10800s`. */
function showTimeout(value: string | number): string {
  return typeof value === "number" ? `${value}s` : JSON.stringify(value);
}

/**
 * Resource policy (advisory by default): a TaskWait's timeout is at most `maxTimeout`. The
 * violation names the TaskWait, its timeout and the maximum, e.g.
 * `TaskWait "gate" has timeout "3h", more than the maximum "2h"`.
 */
export const redisTaskTimeoutBounded: ResourceValidationPolicy = {
  name: "redis-task-timeout-bounded",
  description: "TaskWait timeouts stay within the configured maximum (maxTimeout, default 2h).",
  enforcementLevel: "advisory",
  configSchema: timeoutBoundedConfigSchema,
  validateResource: (args, reportViolation) => {
    if (!isTaskWait(args.type)) return skip(args, "applies only to TaskWait resources");
    const { maxTimeout } = configWithDefaults<TimeoutBoundedConfig>(args, timeoutBoundedConfigSchema);
    // A bad maxTimeout is the pack's own misconfiguration: fail loudly rather than pass everything.
    const maxMs = parseDuration(maxTimeout, "redis-task-timeout-bounded config maxTimeout");
    const timeout = readProperty(args.props, "timeout");
    if (!timeout.known) return skip(args, `${taskWaitLabel(args.name)}: ${timeout.reason}`);
    const given = timeout.value === undefined || timeout.value === null || timeout.value === "" ? undefined : timeout.value;
    let ms: number;
    try {
      ms = parseDuration(given ?? DEFAULT_TIMEOUT, "timeout");
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // The resource's own check rejects it with the same message.
      return skip(args, `${taskWaitLabel(args.name)}: ${error.message}`);
    }
    if (ms <= maxMs) return;
    const shown = given === undefined ? `the default timeout ${JSON.stringify(DEFAULT_TIMEOUT)}` : `timeout ${showTimeout(given as string | number)}`;
    reportViolation(`${taskWaitLabel(args.name)} has ${shown}, more than the maximum ${showTimeout(maxTimeout)}`);
  },
};
