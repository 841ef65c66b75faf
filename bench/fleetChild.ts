/**
 * The fleet's child process: the TaskWait provider as the host runs it (the serialized stub,
 * which `require`s the package by name), configured with stack config, creating every TaskWait
 * at once. Its stderr (the gate's progress lines) goes to a file; results go back over IPC.
 * Run with --expose-gc so memory samples count live objects, not garbage awaiting collection.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { taskWaitProviderStub as provider } from "../provider/doors/dynamic/providerStub";
import { RATE_LIMIT_SOURCES } from "../provider/gate/rateLimit";
import type { ChildMessage, CreateOutcome, FleetChildConfig, ParentMessage } from "./fleetProtocol";

const config: FleetChildConfig = JSON.parse(process.argv[2]);
const send = (message: ChildMessage) => process.send!(message);
const collect = () => (global as { gc?: () => void }).gc?.();

/** check, then create, as the engine drives a new resource. */
async function createOne(requestId: number): Promise<{ polls?: number }> {
  const news = { requestId, endpoint: config.endpoint, displayName: `fleet-${requestId}` };
  const checked = await provider.check!({}, news);
  if (checked.failures?.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const created = await provider.create(checked.inputs);
  return { polls: created.outs?.polls as number | undefined };
}

async function main(): Promise<void> {
  const stack: Record<string, string> = {
    "tencentcloud:secretId": config.secretId,
    "tencentcloud:secretKey": config.secretKey,
    "tencentcloud:region": config.region,
    ...(config.rateLimitPerSecond === undefined ? {} : { [RATE_LIMIT_SOURCES.config]: String(config.rateLimitPerSecond) }),
  };
  await provider.configure!({ config: { get: (key: string) => stack[key] } } as unknown as dynamic.ConfigureRequest);
  await createOne(config.warmupRequestId);
  collect();
  const baseline = { heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss };
  send({ type: "ready", baseline });
  await new Promise<void>((resolve) => process.once("message", (m: ParentMessage) => m.type === "go" && resolve()));

  const startedAtEpochMs = Date.now();
  const start = performance.now();
  const peak = { ...baseline };
  let samples = 0;
  const sampler = setInterval(() => {
    collect();
    const usage = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
    peak.rss = Math.max(peak.rss, usage.rss);
    samples++;
  }, config.sampleEveryMs);

  const outcomes: CreateOutcome[] = await Promise.all(
    config.requestIds.map(async (requestId) => {
      try {
        const { polls } = await createOne(requestId);
        return { requestId, ok: true, settledMs: performance.now() - start, polls };
      } catch (error) {
        return { requestId, ok: false, settledMs: performance.now() - start, error: String((error as Error)?.message ?? error) };
      }
    }),
  );
  const totalMs = performance.now() - start;
  clearInterval(sampler);
  send({ type: "done", result: { startedAtEpochMs, totalMs, outcomes, baseline, peak, samples } });
  process.disconnect();
  // Keep-alive sockets and the limiter must not hold the child open.
  setTimeout(() => process.exit(0), 100).unref();
}

main().catch((error) => {
  process.stderr.write(`fleet child failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
