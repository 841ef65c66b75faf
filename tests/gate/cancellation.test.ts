/**
 * The Cancel race: an operation (Create, Update, Read) that arrived before the engine's Cancel but
 * registers its wait after it must end at once; operations that start after a Cancel, and waits
 * outside any operation (the CLI's `wait`), are not cut short.
 */
import { cancelWaitsInProgress, trackWait, WaitCanceled, withinOperation } from "../../provider/gate/cancellation";
import { waitForRedisTask } from "../../provider/gate/waitForRedisTask";
import type { Transport } from "../../provider/api/types";

const WHY = "the deployment was cancelled (Ctrl-C)";
const tick = () => new Promise((resolve) => setImmediate(resolve));

test("a wait registered after the Cancel by an operation that began before it is ended at once, with the Cancel's reason", async () => {
  let signal: AbortSignal | undefined;
  const operation = withinOperation(async () => {
    await tick(); // the Cancel lands here, before the wait registers
    const tracked = trackWait();
    signal = tracked.signal;
    tracked.done();
  });
  cancelWaitsInProgress(WHY);
  await operation;
  expect(signal?.aborted).toBe(true);
  expect(signal?.reason).toBeInstanceOf(WaitCanceled);
  expect((signal?.reason as WaitCanceled).why).toBe(WHY);
});

test("an operation that begins after the Cancel, and a wait outside any operation, are not affected", async () => {
  cancelWaitsInProgress(WHY);
  const later = await withinOperation(async () => {
    const tracked = trackWait();
    tracked.done();
    return tracked.signal.aborted;
  });
  expect(later).toBe(false);
  const outside = trackWait();
  outside.done();
  expect(outside.signal.aborted).toBe(false);
});

test("nested operations keep the outer operation's start: the RPC's arrival, not the provider method's", async () => {
  let aborted: boolean | undefined;
  const outer = withinOperation(async () => {
    await tick();
    await withinOperation(async () => {
      const tracked = trackWait();
      aborted = tracked.signal.aborted;
      tracked.done();
    });
  });
  cancelWaitsInProgress(WHY);
  await outer;
  expect(aborted).toBe(true);
});

test("waitForRedisTask of a task executing forever, begun before the Cancel, returns aborted after at most one poll", async () => {
  let polls = 0;
  const transport: Transport = async () => {
    polls++;
    return { status: 200, headers: {}, body: JSON.stringify({ code: 0, message: "", codeDesc: "Success", data: { status: 1 } }) };
  };
  const settings = { secretId: "AKIDtest", secretKey: "key", region: "ap-guangzhou", apiVersion: "v2" as const, endpoint: "http://127.0.0.1:9" };
  const operation = withinOperation(async () => {
    await tick();
    return waitForRedisTask({ requestId: 4242, settings, timeout: "10m", label: "TaskWait race", writeProgress: null, transport, rateLimiter: false });
  });
  cancelWaitsInProgress(WHY);
  const result = await operation;
  expect(result.state).toBe("aborted");
  expect((result.abortReason as WaitCanceled).why).toBe(WHY);
  expect(polls).toBeLessThanOrEqual(1);
});
