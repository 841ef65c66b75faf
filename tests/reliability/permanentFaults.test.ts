/**
 * Permanent faults, over real sockets, for both API versions: the wait ends at the first
 * answer (within 2 s, although its timeout is 30 s) with a message naming the task, the code and
 * what to do: check the credentials, the clock, the requestId, the CAM permission.
 */
import { describeTaskInfo } from "../../provider/api/describeTaskInfo";
import { TaskApiError } from "../../provider/api/errors";
import type { ApiVersion, ClientSettings } from "../../provider/api/types";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { systemClock } from "../../provider/waiter/clock";
import type { Clock } from "../../provider/waiter/types";
import { startFaultServer, type FaultServer } from "./support/faultServer";
import { API_VERSIONS, gateWait, nextRequestId, settingsFor } from "./support/gate";

jest.setTimeout(15_000);

/** A permanent error ends the wait in milliseconds; far below the wait's 30 s timeout. */
const PERMANENT_ERROR_SAFETY_NET_MS = 10_000;

const TEN_MINUTES = 10 * 60_000;

/**
 * A running task of its own for each case: concurrent waits with the same endpoint, secret id
 * and task ID share one in-flight call (the coalescer), which would mix the cases' answers.
 */
function knownTask(): number {
  const requestId = nextRequestId();
  emulator.addTask({ requestId, timeline: [{ status: 1, ms: 60_000 }, { status: 2 }] });
  return requestId;
}

/** A clock `offsetMs` off the real one: what a machine with a wrong time signs with. */
const skewedClock = (offsetMs: number): Clock => ({ now: () => systemClock.now() + offsetMs, sleep: systemClock.sleep });

interface PermanentCase {
  name: string;
  /** Settings and wait options for the case, given the emulator and the canned-answer server. */
  setup: (apiVersion: ApiVersion) => { settings: ClientSettings; requestId: number; clock?: Clock; now?: () => number };
  code: Record<ApiVersion, string>;
  /** The advice the message must end with. */
  hint: RegExp;
}

let emulator: RunningEmulator;
/** Answers every request with API 2.0 code 4300 / API 3.0 UnauthorizedOperation, as the service does without CAM permission. */
let denied: Record<ApiVersion, FaultServer>;

beforeAll(async () => {
  emulator = await startEmulator();
  const json = "application/json; charset=utf-8";
  denied = {
    v2: await startFaultServer(() => ({
      kind: "answer",
      status: 200,
      contentType: json,
      body: '{"code":4300,"message":"you are not authorized to perform redis:DescribeTaskInfo","codeDesc":"AccessDenied"}',
    })),
    v3: await startFaultServer(() => ({
      kind: "answer",
      status: 200,
      contentType: json,
      body: '{"Response":{"Error":{"Code":"UnauthorizedOperation","Message":"no permission for redis:DescribeTaskInfo"},"RequestId":"0b9e4c1a-0000-4000-8000-00000000cafe"}}',
    })),
  };
});

afterAll(async () => {
  await emulator?.close();
  await denied?.v2.close();
  await denied?.v3.close();
});

const credentialsHint = /Check the secret id and key \(stack config tencentcloud:secretId \/ tencentcloud:secretKey, or TENCENTCLOUD_SECRET_ID \/ TENCENTCLOUD_SECRET_KEY\)\.$/;
const clockHint = /this machine's clock is more than 5 minutes off; synchronize it \(NTP\) and retry\.$/;

const cases: PermanentCase[] = [
  {
    name: "wrong secret key (4100 / AuthFailure.SignatureFailure)",
    setup: (v) => ({ settings: settingsFor(emulator.url, v, { secretKey: "not-the-right-key-0000000000000" }), requestId: knownTask() }),
    code: { v2: "API error 4100 (AuthFailure.SignatureFailure)", v3: "API error AuthFailure.SignatureFailure" },
    hint: credentialsHint,
  },
  {
    name: "unknown secret id (4100 / AuthFailure.SecretIdNotFound)",
    setup: (v) => ({ settings: settingsFor(emulator.url, v, { secretId: "AKIDunknown000000000000000000000000" }), requestId: knownTask() }),
    code: { v2: "API error 4100 (AuthFailure.SecretIdNotFound)", v3: "API error AuthFailure.SecretIdNotFound" },
    hint: credentialsHint,
  },
  {
    name: "clock 10 minutes behind (4200 / AuthFailure.SignatureExpire)",
    setup: (v) => ({ settings: settingsFor(emulator.url, v), requestId: knownTask(), clock: skewedClock(-TEN_MINUTES), now: () => Date.now() - TEN_MINUTES }),
    code: { v2: "API error 4200 (AuthFailure.SignatureExpire)", v3: "API error AuthFailure.SignatureExpire" },
    hint: clockHint,
  },
  {
    name: "clock 10 minutes ahead (4200 / AuthFailure.SignatureExpire)",
    setup: (v) => ({ settings: settingsFor(emulator.url, v), requestId: knownTask(), clock: skewedClock(TEN_MINUTES), now: () => Date.now() + TEN_MINUTES }),
    code: { v2: "API error 4200 (AuthFailure.SignatureExpire)", v3: "API error AuthFailure.SignatureExpire" },
    hint: clockHint,
  },
  {
    name: "no such task (11201 / InvalidParameter)",
    setup: (v) => ({ settings: settingsFor(emulator.url, v), requestId: nextRequestId() }),
    code: { v2: "API error 11201 (InvalidParameter)", v3: "API error InvalidParameter.InvalidParameter" },
    hint: /Check the requestId: no such task in this region and account\.$/,
  },
  {
    name: "no CAM permission (4300 / UnauthorizedOperation)",
    setup: (v) => ({ settings: settingsFor(denied[v].url, v), requestId: knownTask() }),
    code: { v2: "API error 4300 (AccessDenied)", v3: "API error UnauthorizedOperation" },
    hint: /grant it in CAM\.$/,
  },
];

const matrix = API_VERSIONS.flatMap((v) => cases.map((c) => [v, c.name, c] as const));

test.concurrent.each(matrix)("%s: %s ends the wait at the first answer, naming the code and what to do", async (apiVersion, _name, c) => {
  const { settings, requestId, clock } = c.setup(apiVersion);
  const result = await gateWait(requestId, settings, { timeout: "30s", clock });
  expect(result.state).toBe("error");
  // One poll is the claim; the bound only catches a wait that goes on towards its 30 s timeout.
  expect(result.polls).toBe(1);
  expect(result.wallMs).toBeLessThan(PERMANENT_ERROR_SAFETY_NET_MS);
  expect(result.error).toBeInstanceOf(TaskApiError);
  expect(result.error!.retryable).toBe(false);
  expect(result.error!.kind).toBe("api");
  expect(result.error!.message).toContain(`DescribeTaskInfo for Redis task ${requestId} failed: ${c.code[apiVersion]}`);
  expect(result.error!.message).toMatch(c.hint);
  if (apiVersion === "v3") expect(result.error!.message).toMatch(/API RequestId [0-9a-f-]{36}\./);
});

test.concurrent.each(matrix)("%s: %s, one describeTaskInfo call: a typed, non-retryable TaskApiError with the hint", async (apiVersion, _name, c) => {
  const { settings, requestId, now } = c.setup(apiVersion);
  const error: TaskApiError = await describeTaskInfo(requestId, settings, { now }).then(
    () => {
      throw new Error("the call succeeded");
    },
    (e) => e,
  );
  expect(error).toBeInstanceOf(TaskApiError);
  expect(error).toMatchObject({ kind: "api", requestId, apiVersion, retryable: false });
  expect(String(error.code)).toBe(c.code[apiVersion].replace(/^API error (\S+).*$/, "$1"));
  expect(error.hint).toBeDefined();
  expect(error.message).toMatch(c.hint);
});
