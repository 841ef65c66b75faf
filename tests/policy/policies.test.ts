/**
 * Each policy called directly, as awsguard's tests do: a happy-path args object, one field
 * changed per case, the exact violation asserted. The live policy talks to a real emulator over HTTP.
 */
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import {
  createRedisTaskNotFailedPolicy,
  redisTaskGateRequired,
  redisTaskNotFailed,
  redisTaskPolicies,
  redisTaskSucceeded,
  redisTaskTimeoutBounded,
  TASK_WAIT_TYPE,
  TASK_WAIT_TYPES,
} from "../../provider/policy";
import { createServer, type AddressInfo, type Socket } from "net";
import { REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";
import { runResource, runStack, stackResources, unknownCheckingProxy, unknownNumberValue, unknownStringValue, urnOf, type StackResourceSpec } from "./fakeArgs";

const TW = TASK_WAIT_TYPE;
/** The provider plugin's TaskWait, the same gate in every language. */
const PLUGIN_TW = "tencentcloud-redis-task:index:TaskWait";

describe("both TaskWait type tokens: the dynamic resource's and the provider plugin's", () => {
  test("the pack knows exactly the two", () => {
    expect(TASK_WAIT_TYPES).toEqual([TW, PLUGIN_TW]);
  });

  test("redis-task-succeeded reports a plugin TaskWait that is not ready", async () => {
    const gate: StackResourceSpec = { type: PLUGIN_TW, name: "gate", props: { requestId: 7, status: 1, polls: 4 } };
    expect(await runStack(redisTaskSucceeded, stackResources([gate]))).toEqual({
      violations: [{ message: 'TaskWait "gate" (requestId 7) has status 1 (Executing), not 2 (Succeeded)', urn: urnOf(PLUGIN_TW, "gate") }],
    });
  });

  test("redis-task-timeout-bounded checks a plugin TaskWait's timeout", async () => {
    const outcome = await runResource(redisTaskTimeoutBounded, { type: PLUGIN_TW, props: { requestId: 7, timeout: "3h" } });
    expect(outcome).toEqual({ violations: [{ message: 'TaskWait "gate" has timeout "3h", more than the maximum "2h"' }] });
  });

  test("redis-task-gate-required counts a dependency on a plugin TaskWait", async () => {
    const gate: StackResourceSpec = { type: PLUGIN_TW, name: "gate", props: { requestId: 7, status: 2, polls: 4 } };
    const account: StackResourceSpec = { type: "tencentcloud:Redis/account:Account", name: "account", dependencies: ["gate"] };
    expect(await runStack(redisTaskGateRequired, stackResources([gate, account]), { gatedTypes: ["tencentcloud:Redis/*"] })).toEqual({ violations: [] });
  });
});

describe("the policy set", () => {
  test("names, one-line descriptions, default levels, kinds and config schemas", () => {
    const policies = redisTaskPolicies();
    expect(policies.map((p) => [p.name, p.enforcementLevel, "validateStack" in p ? "stack" : "resource"])).toEqual([
      ["redis-task-succeeded", "mandatory", "stack"],
      ["redis-task-not-failed", "mandatory", "stack"],
      ["redis-task-timeout-bounded", "advisory", "resource"],
      ["redis-task-gate-required", "advisory", "stack"],
    ]);
    for (const policy of policies) {
      expect(policy.name).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(policy.description).toMatch(/^[A-Z][^\n]{20,120}\.$/);
      expect(policy.configSchema).toBeDefined();
      // The analyzer refuses a pack whose schema declares enforcementLevel itself.
      expect(Object.keys(policy.configSchema!.properties)).not.toContain("enforcementLevel");
    }
    expect(Object.keys(redisTaskTimeoutBounded.configSchema!.properties)).toEqual(["maxTimeout"]);
    expect(Object.keys(redisTaskGateRequired.configSchema!.properties)).toEqual(["gatedTypes"]);
    expect(Object.keys(redisTaskNotFailed.configSchema!.properties)).toEqual(["region", "endpoint", "apiVersion", "requestTimeout", "timeBudget"]);
  });

  test("redisTaskPolicies returns a fresh array of the exported objects", () => {
    const first = redisTaskPolicies();
    first.pop();
    expect(redisTaskPolicies()).toEqual([redisTaskSucceeded, redisTaskNotFailed, redisTaskTimeoutBounded, redisTaskGateRequired]);
  });
});

describe("redis-task-succeeded", () => {
  const gate = (props: Record<string, unknown>): StackResourceSpec => ({ type: TW, name: "gate", props: { requestId: 11963, status: 2, statusText: "Succeeded", polls: 3, ...props } });
  const other: StackResourceSpec = { type: "tencentcloud:Redis/instance:Instance", name: "cache", props: { status: 1 } };
  const run = (...specs: StackResourceSpec[]) => runStack(redisTaskSucceeded, stackResources(specs));

  test("happy path: a succeeded TaskWait and another resource with a status of its own", async () => {
    expect(await run(gate({}), other)).toEqual({ violations: [] });
  });

  test.each([
    [1, "status 1 (Executing)"],
    [0, "status 0 (Waiting)"],
    [3, "status 3 (Failed)"],
    [-1, "status -1 (Error)"],
    [7, "status 7"],
    [undefined, "no status (none was received from DescribeTaskInfo)"],
  ])("status %p is a violation naming the TaskWait, its requestId and %s", async (status, shown) => {
    expect(await run(gate({ status }), other)).toEqual({
      violations: [{ message: `TaskWait "gate" (requestId 11963) has ${shown}, not 2 (Succeeded)`, urn: urnOf(TW, "gate") }],
    });
  });

  test("a TaskWait (either door) recording its requestId as secret is named with [secret], never its ID", async () => {
    for (const type of [TW, "tencentcloud-redis-task:index:TaskWait"]) {
      const secretGate: StackResourceSpec = { type, name: "gate", props: { requestId: 6712345, requestIdIsSecret: true, status: 1, polls: 4 } };
      expect((await runStack(redisTaskSucceeded, stackResources([secretGate]))).violations).toEqual([
        { message: 'TaskWait "gate" (requestId [secret]) has status 1 (Executing), not 2 (Succeeded)', urn: urnOf(type, "gate") },
      ]);
    }
  });

  test("only the failing one of two TaskWaits is reported", async () => {
    const second: StackResourceSpec = { type: TW, name: "resize", props: { requestId: 42, status: 3, polls: 1 } };
    expect((await run(gate({}), second)).violations).toEqual([
      { message: 'TaskWait "resize" (requestId 42) has status 3 (Failed), not 2 (Succeeded)', urn: urnOf(TW, "resize") },
    ]);
  });

  test("a TaskWait a preview is about to create or resume (its checked inputs stand for outputs: no polls, no status) is skipped", async () => {
    const planned: StackResourceSpec = { type: TW, name: "new-gate", props: { requestId: 42, timeout: "10m", displayName: "new-gate" } };
    expect(await run(planned, gate({ name: "x" }))).toEqual({ violations: [] });
  });

  test("a TaskWait whose status is unknown during preview is skipped", async () => {
    const [resource] = stackResources([gate({})]);
    resource.props = unknownCheckingProxy({ requestId: 11963, status: unknownNumberValue });
    expect(await runStack(redisTaskSucceeded, [resource])).toEqual({ violations: [] });
  });

  test("a stack without TaskWaits is not applicable", async () => {
    expect(await run(other)).toEqual({ violations: [], notApplicable: "the stack has no TaskWait resources" });
  });
});

describe("redis-task-timeout-bounded", () => {
  const run = (props: Record<string, unknown>, config: Record<string, unknown> = {}, type = TW) =>
    runResource(redisTaskTimeoutBounded, { type, props: { requestId: 11963, timeout: "45m", ...props }, config });

  test("happy path: 45m is within the default maximum of 2h", async () => {
    expect(await run({})).toEqual({ violations: [] });
  });

  test.each([
    [{ timeout: "2h" }, {}],
    [{ timeout: 7200 }, {}],
    [{ timeout: "1h59m" }, { maxTimeout: 7140 }],
    [{ timeout: undefined }, {}],
  ])("within bounds: %p with config %p", async (props, config) => {
    expect(await run(props, config)).toEqual({ violations: [] });
  });

  test.each([
    [{ timeout: "3h" }, {}, 'TaskWait "gate" has timeout "3h", more than the maximum "2h"'],
    [{ timeout: "2h0m1s" }, {}, 'TaskWait "gate" has timeout "2h0m1s", more than the maximum "2h"'],
    [{ timeout: 10800 }, {}, 'TaskWait "gate" has timeout 10800s, more than the maximum "2h"'],
    [{}, { maxTimeout: "30m" }, 'TaskWait "gate" has timeout "45m", more than the maximum "30m"'],
    [{}, { maxTimeout: 1800 }, 'TaskWait "gate" has timeout "45m", more than the maximum 1800s'],
    [{ timeout: undefined }, { maxTimeout: "10m" }, 'TaskWait "gate" has the default timeout "30m", more than the maximum "10m"'],
  ])("violation: %p with config %p", async (props, config, message) => {
    expect(await run(props, config)).toEqual({ violations: [{ message }] });
  });

  test("a timeout unknown during preview is not applicable", async () => {
    const outcome = await runResource(redisTaskTimeoutBounded, { props: unknownCheckingProxy({ requestId: 1, timeout: unknownStringValue }) });
    expect(outcome).toEqual({ violations: [], notApplicable: 'TaskWait "gate": timeout is not known yet (string value at .timeout can\'t be known during preview)' });
  });

  test("a malformed timeout is left to the resource's own check", async () => {
    expect(await run({ timeout: "soon" })).toEqual({
      violations: [],
      notApplicable: 'TaskWait "gate": timeout must be a positive duration such as "90s", "45m", "1h30m" or a number of seconds; got "soon"',
    });
  });

  test("other resource types are not applicable, whatever their timeout", async () => {
    expect(await run({ timeout: "9h" }, {}, "tencentcloud:Redis/instance:Instance")).toEqual({ violations: [], notApplicable: "applies only to TaskWait resources" });
  });

  test("a malformed maxTimeout in the pack's config fails loudly", async () => {
    await expect(run({}, { maxTimeout: "forever" })).rejects.toThrow('redis-task-timeout-bounded config maxTimeout must be a positive duration such as "90s", "45m", "1h30m" or a number of seconds; got "forever"');
  });
});

describe("redis-task-gate-required", () => {
  const ACCOUNT = "tencentcloud:Redis/account:Account";
  const config = { gatedTypes: ["tencentcloud:Redis/*"] };
  const gate: StackResourceSpec = { type: TW, name: "gate", props: { requestId: 11963, status: 2 } };
  const account = (changes: Partial<StackResourceSpec>): StackResourceSpec => ({ type: ACCOUNT, name: "account", dependencies: ["gate"], ...changes });
  const violation = (name: string, type: string) => ({
    message: `Resource "${name}" (${type}) does not depend on a TaskWait, directly or transitively: add the TaskWait to its dependsOn so it waits for the Redis task to succeed`,
    urn: urnOf(type, name),
  });
  const run = (specs: StackResourceSpec[], cfg: Record<string, unknown> = config) => runStack(redisTaskGateRequired, stackResources(specs), cfg);

  test("happy path: the gated resource depends on the TaskWait", async () => {
    expect(await run([gate, account({})])).toEqual({ violations: [] });
  });

  test("no dependency: a violation naming the resource and its type", async () => {
    expect(await run([gate, account({ dependencies: [] })])).toEqual({ violations: [violation("account", ACCOUNT)] });
  });

  test("a transitive dependency through another resource counts", async () => {
    const params: StackResourceSpec = { type: "tencentcloud:Redis/param:Param", name: "params", dependencies: ["gate"] };
    expect(await run([gate, params, account({ dependencies: ["params"] })])).toEqual({ violations: [] });
  });

  test("a property dependency counts", async () => {
    expect(await run([gate, account({ dependencies: [], propertyDependencies: { instanceId: ["gate"] } })])).toEqual({ violations: [] });
  });

  test("a parent's dependency does not count: it does not order the child", async () => {
    const component: StackResourceSpec = { type: "my:app:Cache", name: "app", dependencies: ["gate"] };
    expect(await run([gate, component, account({ dependencies: [], parent: "app" })])).toEqual({ violations: [violation("account", ACCOUNT)] });
  });

  test("a dependency cycle without a TaskWait ends in a violation", async () => {
    const a: StackResourceSpec = { type: "other:x:A", name: "a", dependencies: ["account"] };
    expect(await run([gate, a, account({ dependencies: ["a"] })])).toEqual({ violations: [violation("account", ACCOUNT)] });
  });

  test.each([
    [["tencentcloud:Redis/account:Account"], true],
    [["*:Account"], true],
    [["tencentcloud:*:Account", "nothing"], true],
    [["tencentcloud:Redis/account.Account"], false],
    [["tencentcloud:Redis"], false],
    [["Tencentcloud:Redis/*"], false],
  ])("gatedTypes %p gate the account: %p", async (gatedTypes, gated) => {
    const outcome = await run([gate, account({ dependencies: [] })], { gatedTypes });
    expect(outcome.violations).toEqual(gated ? [violation("account", ACCOUNT)] : []);
  });

  test("a TaskWait matching gatedTypes is not itself required to depend on one", async () => {
    expect(await run([gate], { gatedTypes: ["*"] })).toEqual({ violations: [] });
  });

  test("without gatedTypes the policy is not applicable", async () => {
    expect(await run([gate, account({ dependencies: [] })], {})).toEqual({ violations: [], notApplicable: "no gatedTypes configured" });
  });
});

describe("redis-task-not-failed, against the emulator over HTTP", () => {
  let emulator: RunningEmulator;
  let closedPort: string;
  const env: NodeJS.ProcessEnv = {};
  const logged: string[] = [];
  const policy = createRedisTaskNotFailedPolicy({ env: () => env, log: (line) => logged.push(line) });
  const gateUrn = urnOf(TW, "gate");
  const failedMessage = (id: number | string, status: string, detail = "") =>
    `TaskWait "gate" (requestId ${id}) has status ${status}${detail}. Waiting for it cannot succeed: start the Redis operation again and wait for the new task's ID`;
  const violation = (id: number | string, status: string, detail = "") => ({ violations: [{ message: failedMessage(id, status, detail), urn: gateUrn }] });
  /** A stack with one TaskWait named gate, as a preview plans it (inputs: no status) unless props say otherwise. */
  const run = (props: Record<string, unknown>, config: Record<string, unknown> = {}, type = TW) =>
    runStack(policy, stackResources([{ type, name: "gate", props: { requestId: 21000, displayName: "gate", ...props } }]), config);
  const queries = (id: number) => emulator.stats().byRequestId[String(id)] ?? 0;

  beforeAll(async () => {
    emulator = await startEmulator({
      tasks: [
        { requestId: 21000, timeline: [{ status: 2 }] },
        { requestId: 21001, timeline: [{ status: 3 }], taskMessage: "disk full" },
        { requestId: 21002, timeline: [{ status: -1 }] },
        { requestId: 21003, timeline: [{ status: 1 }] },
        { requestId: 21004, timeline: [{ status: 0 }] },
      ],
    });
    const spare = await startEmulator();
    closedPort = spare.url;
    await spare.close();
  });
  afterAll(() => emulator?.close());
  beforeEach(() => {
    for (const key of Object.keys(env)) delete env[key];
    Object.assign(env, { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: emulator.url });
    logged.length = 0;
  });

  test("happy path: a new TaskWait on a succeeded task passes, after one real query", async () => {
    const before = queries(21000);
    expect(await run({})).toEqual({ violations: [] });
    expect(queries(21000)).toBe(before + 1);
    expect(logged).toEqual([]);
  });

  test.each([21003, 21004])("a task still running (%p) passes", async (requestId) => {
    expect(await run({ requestId })).toEqual({ violations: [] });
  });

  test("a TaskWait recorded as succeeded (an unchanged gate at preview) is not queried at all", async () => {
    const before = emulator.stats().requests;
    // Even on a task that has failed since: a succeeded wait is history, and querying it costs every preview.
    expect(await run({ requestId: 21001, status: 2, statusText: "Succeeded", polls: 3 })).toEqual({ violations: [] });
    expect(emulator.stats().requests).toBe(before);
  });

  test("a TaskWait recorded as not ready is queried like a new one", async () => {
    expect(await run({ requestId: 21001, status: 1, statusText: "Executing", polls: 3 })).toEqual(violation(21001, "3 (Failed)"));
  });

  test("among many TaskWaits, the failed one is reported on its own URN", async () => {
    const resources = stackResources([
      { type: TW, name: "ok", props: { requestId: 21000 } },
      { type: TW, name: "gate", props: { requestId: 21002 } },
      { type: TW, name: "old", props: { requestId: 21001, status: 2, polls: 1 } },
      { type: "tencentcloud:Redis/instance:Instance", name: "cache", props: {} },
    ]);
    expect(await runStack(policy, resources)).toEqual(violation(21002, "-1 (Error)"));
  });

  test("a failed task is a violation naming the task, the status and the TaskMessage (API 3.0)", async () => {
    expect(await run({ requestId: 21001, apiVersion: "v3" })).toEqual(violation(21001, "3 (Failed)", ': "disk full"'));
  });

  test("a failed task over API 2.0, which has no TaskMessage", async () => {
    expect(await run({ requestId: 21001 })).toEqual(violation(21001, "3 (Failed)"));
  });

  test("an execution error (-1) is a violation", async () => {
    expect(await run({ requestId: 21002 })).toEqual(violation(21002, "-1 (Error)"));
  });

  test("a secret requestId is shown as [secret]", async () => {
    expect(await run({ requestId: 21002, requestIdIsSecret: true })).toEqual(violation("[secret]", "-1 (Error)"));
  });

  test("a requestId given as a numeric string is queried", async () => {
    expect(await run({ requestId: "21002" })).toEqual(violation(21002, "-1 (Error)"));
  });

  test("the policy config's apiVersion applies when the TaskWait sets none", async () => {
    expect(await run({ requestId: 21001 }, { apiVersion: "v3" })).toEqual(violation(21001, "3 (Failed)", ': "disk full"'));
  });

  test("endpoint: the TaskWait's own wins over the policy config, which wins over the environment", async () => {
    env.TENCENTCLOUD_REDIS_ENDPOINT = closedPort;
    expect(await run({ requestId: 21001 }, { endpoint: emulator.url })).toEqual(violation(21001, "3 (Failed)"));
    expect(await run({ requestId: 21001, endpoint: emulator.url }, { endpoint: closedPort })).toEqual(violation(21001, "3 (Failed)"));
  });

  test("region: the policy config's applies when the TaskWait and the environment set none", async () => {
    delete env.TENCENTCLOUD_REGION;
    expect(await run({ requestId: 21001 }, { region: REGION })).toEqual(violation(21001, "3 (Failed)"));
  });

  test("an unknown task is not applicable, with the API's message, also written to the log", async () => {
    const outcome = await run({ requestId: 29999 });
    expect(outcome.violations).toEqual([]);
    expect(outcome.notApplicable).toMatch(/^TaskWait "gate": could not check the task: DescribeTaskInfo for Redis task 29999 failed: API error 11201 .*task 29999 not found/);
    expect(logged).toEqual([`redis-task-not-failed: not checked: ${outcome.notApplicable}`]);
  });

  test("bad credentials are not applicable, with the API's message", async () => {
    env.TENCENTCLOUD_SECRET_KEY = "not-the-key";
    const outcome = await run({ requestId: 21001 });
    expect(outcome.violations).toEqual([]);
    expect(outcome.notApplicable).toMatch(/^TaskWait "gate": could not check the task: .*4100 \(AuthFailure.SignatureFailure\)/);
  });

  test("missing credentials and region are not applicable, naming the variables", async () => {
    for (const key of Object.keys(env)) delete env[key];
    expect(await run({ requestId: 21001 })).toEqual({
      violations: [],
      notApplicable:
        'TaskWait "gate": cannot query DescribeTaskInfo: Tencent Cloud credentials are not set where the policy pack runs: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY in the environment of pulumi; ' +
        "no region: set the TaskWait's region, this policy's region config or TENCENTCLOUD_REGION",
    });
  });

  test("an unreachable endpoint is not applicable", async () => {
    const outcome = await run({ requestId: 21001, endpoint: closedPort });
    expect(outcome.violations).toEqual([]);
    expect(outcome.notApplicable).toMatch(/^TaskWait "gate": could not check the task: .*ECONNREFUSED/);
  });

  test("a slow API is given up after the configured requestTimeout", async () => {
    // Short, because the emulator's hold-back timer outlives the aborted request.
    emulator.setFaults({ latencyMs: 700 });
    try {
      const started = Date.now();
      const outcome = await run({ requestId: 21001 }, { requestTimeout: "100ms" });
      expect(Date.now() - started).toBeLessThan(600);
      expect(outcome.violations).toEqual([]);
      expect(outcome.notApplicable).toMatch(/^TaskWait "gate": could not check the task: .*ETIMEDOUT/);
    } finally {
      emulator.setFaults({ latencyMs: null });
    }
  });

  test("one time budget for all queries: a hanging API costs the budget once, however many TaskWaits, and the note says it ran out", async () => {
    const sockets: Socket[] = [];
    const hanging = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    env.TENCENTCLOUD_REDIS_ENDPOINT = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    try {
      const names = ["a", "b", "c", "d", "e"];
      const resources = stackResources(names.map((name, i) => ({ type: TW, name, props: { requestId: 21000 + i } })));
      const started = Date.now();
      const outcome = await runStack(policy, resources, { timeBudget: "1s" });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(950);
      expect(elapsed).toBeLessThan(2000); // not 5 × the 10 s per-request timeout
      expect(outcome).toEqual({
        violations: [],
        notApplicable: 'the time budget of 1s ran out before 5 of 5 TaskWaits to check were checked ("a", "b", "c", "d", "e"); raise timeBudget in the policy config to wait longer',
      });
      expect(logged).toEqual([`redis-task-not-failed: not checked: ${outcome.notApplicable}`]);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => hanging.close(resolve));
    }
  });

  test("a requestId unknown during preview is not applicable, and nothing is queried", async () => {
    const before = emulator.stats().requests;
    const resources = stackResources([{ type: TW, name: "gate", props: unknownCheckingProxy({ requestId: unknownNumberValue, displayName: "gate" }) }]);
    expect(await runStack(policy, resources)).toEqual({
      violations: [],
      notApplicable: 'TaskWait "gate": requestId is not known yet (number value at .requestId can\'t be known during preview); checked again at pulumi up',
    });
    expect(emulator.stats().requests).toBe(before);
  });

  test("an unknown placeholder without the analyzer's proxy is recognized too", async () => {
    expect((await run({ requestId: unknownStringValue })).notApplicable).toBe('TaskWait "gate": requestId is not known yet during preview; checked again at pulumi up');
  });

  test("a malformed requestId or apiVersion is left to the resource's check", async () => {
    expect((await run({ requestId: "abc" })).notApplicable).toBe(
      'TaskWait "gate": requestId must be a non-negative integer task ID (a number or a numeric string) no larger than 2^53-1; got "abc"',
    );
    expect((await run({ apiVersion: "v4" })).notApplicable).toBe('TaskWait "gate": apiVersion must be "v2" (API 2.0) or "v3" (API 3.0); got "v4"');
  });

  test("a stack without TaskWaits is not applicable, and nothing is queried", async () => {
    const before = emulator.stats().requests;
    expect(await run({ requestId: 21001 }, {}, "tencentcloud:Redis/instance:Instance")).toEqual({ violations: [], notApplicable: "the stack has no TaskWait resources" });
    expect(emulator.stats().requests).toBe(before);
  });

  test("any error of the client, even an unexpected one, is not applicable rather than a crash", async () => {
    const broken = createRedisTaskNotFailedPolicy({ env: () => env, describe: () => Promise.reject(new TypeError("boom")), log: () => undefined });
    expect(await runStack(broken, stackResources([{ type: TW, name: "gate", props: { requestId: 21001 } }]))).toEqual({
      violations: [],
      notApplicable: 'TaskWait "gate": could not check the task: boom',
    });
  });

  test("the exported policy reads process.env", async () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env);
      expect(await runStack(redisTaskNotFailed, stackResources([{ type: TW, name: "gate", props: { requestId: 21002 } }]))).toEqual(violation(21002, "-1 (Error)"));
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
