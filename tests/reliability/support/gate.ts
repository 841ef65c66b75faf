/** A short gate wait against a test server: small intervals, no progress lines, no shared limiter. */
import { waitForRedisTask, type RedisTaskWaitOptions, type RedisTaskWaitResult } from "../../../provider/gate/waitForRedisTask";
import type { ApiVersion, ClientSettings } from "../../../provider/api/types";
import { emulatorSettings } from "../../support/emulatorEnv";

export const API_VERSIONS: ApiVersion[] = ["v2", "v3"];

/**
 * Emulator credentials for `endpoint`. The per-request timeout (5 s) is a safety net: a local
 * answer takes milliseconds, but a busy machine can delay one by hundreds, which a short timeout
 * would turn into a retry. A test about a server that never answers sets a short one itself.
 */
export function settingsFor(endpoint: string, apiVersion: ApiVersion, extra: Partial<ClientSettings> = {}): ClientSettings {
  return { ...emulatorSettings(endpoint, apiVersion), requestTimeoutMs: 5000, ...extra };
}

/** The per-request timeout of tests against a server that never answers. */
export const HANG_REQUEST_TIMEOUT_MS = 300;

/** Waits as TaskWait and the CLI do, with test-sized durations; returns the result and the wall time. */
export async function gateWait(
  requestId: number,
  settings: ClientSettings,
  overrides: Partial<RedisTaskWaitOptions> = {},
): Promise<RedisTaskWaitResult & { wallMs: number }> {
  const started = Date.now();
  const result = await waitForRedisTask({
    requestId,
    settings,
    timeout: "8s",
    minPollInterval: "20ms",
    maxPollInterval: "100ms",
    label: "reliability",
    writeProgress: null,
    rateLimiter: false,
    ...overrides,
  });
  return { ...result, wallMs: Date.now() - started };
}

/** Random numbers for the emulator: the first request always faults, then a fixed pseudo-random sequence. */
export function faultFirstThenSeeded(seed = 7): () => number {
  let calls = 0;
  let state = seed >>> 0;
  return () => {
    // Calls 1 and 2 are the first request's "fail?" and "which kind?" draws.
    if (calls++ < 2) return 0;
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh task ID per call, so concurrent tests never share a coalesced poll. */
let next = 70_000 + Math.floor(Math.random() * 1000) * 100;
export function nextRequestId(): number {
  return next++;
}
