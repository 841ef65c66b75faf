/**
 * redis-instance-busy: from a happy path (an account on an idle instance), one field changed per
 * case, the exact violation asserted. The policy lists tasks from a real emulator over HTTP.
 */
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { INSTANCE_IDLE_TOKEN } from "../../provider/doors/plugin/tokens";
import { createRedisInstanceBusyPolicy, redisInstanceBusy } from "../../provider/policy";
import { INSTANCE_IDLE_TYPE } from "../../provider/resources/instanceIdle/types";
import { TASK_WAIT_TYPE } from "../../provider/resources/taskWait/types";
import { REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";
import { runStack, stackResources, unknownCheckingProxy, unknownStringValue, urnOf, type StackResourceSpec } from "./fakeArgs";

const INSTANCE = "tencentcloud:Redis/instance:Instance";
const ACCOUNT = "tencentcloud:Redis/account:Account";
const IDLE = "crs-idle0001";
const BUSY = "crs-busy0001";
const TWO = "crs-busy0002";

describe("redis-instance-busy, against the emulator over HTTP", () => {
  let emulator: RunningEmulator;
  const env: NodeJS.ProcessEnv = {};
  const logged: string[] = [];
  const policy = createRedisInstanceBusyPolicy({ env: () => env, log: (line) => logged.push(line) });
  const listings = (instanceId: string) => emulator.listingState(instanceId).listings;
  const run = (specs: StackResourceSpec[], config: Record<string, unknown> = {}) => runStack(policy, stackResources(specs), config);
  const account = (instanceId: unknown, extra: Partial<StackResourceSpec> = {}): StackResourceSpec => ({ type: ACCOUNT, name: "account", props: { instanceId, accountName: "app" }, ...extra });
  const busyMessage = (instanceId: string, tasks: string, count = "a task") =>
    `Resource "account" (${ACCOUNT}) acts on instance ${instanceId}, which has ${count} running that nothing it depends on waits for: ${tasks}. ` +
    `Add an InstanceIdle with instanceId "${instanceId}" to its dependsOn so the deployment waits until the instance is idle`;

  beforeAll(async () => {
    emulator = await startEmulator({
      tasks: [
        { requestId: 31000, instanceId: IDLE, taskType: "FLOW_BACKUPINSTANCE", timeline: [{ status: 2 }] },
        { requestId: 31001, instanceId: IDLE, taskType: "FLOW_RESIZE", timeline: [{ status: 3 }] },
        { requestId: 31010, instanceId: BUSY, taskType: "FLOW_BACKUPINSTANCE", timeline: [{ status: 1 }] },
        { requestId: 31011, instanceId: BUSY, taskType: "FLOW_SETPWD", timeline: [{ status: 2 }] },
        { requestId: 31020, instanceId: TWO, taskType: "FLOW_RESIZE", timeline: [{ status: 0 }] },
        { requestId: 31021, instanceId: TWO, taskType: "FLOW_BACKUPINSTANCE", timeline: [{ status: 1 }] },
      ],
    });
  });
  afterAll(() => emulator?.close());
  beforeEach(() => {
    for (const key of Object.keys(env)) delete env[key];
    Object.assign(env, { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: emulator.url });
    logged.length = 0;
  });

  test("is a stack policy, advisory by default, with its config schema", () => {
    expect(redisInstanceBusy.name).toBe("redis-instance-busy");
    expect(redisInstanceBusy.enforcementLevel).toBe("advisory");
    expect("validateStack" in redisInstanceBusy).toBe(true);
    expect(Object.keys(redisInstanceBusy.configSchema!.properties)).toEqual(["types", "instanceTypes", "region", "endpoint", "requestTimeout", "timeBudget"]);
  });

  test("happy path: an account on an instance whose tasks all ended passes, after one listing", async () => {
    const before = listings(IDLE);
    expect(await run([account(IDLE)])).toEqual({ violations: [] });
    expect(listings(IDLE)).toBe(before + 1);
    expect(logged).toEqual([]);
  });

  test("an ungated account on an instance with a running task is warned about, naming the task, its type, result and progress", async () => {
    expect(await run([account(BUSY)])).toEqual({ violations: [{ message: busyMessage(BUSY, "FLOW_BACKUPINSTANCE 31010 (Running, 0%)"), urn: urnOf(ACCOUNT, "account") }] });
  });

  test("an initialising task (Result 0) counts as running; every running task is named", async () => {
    const outcome = await run([account(TWO)]);
    expect(outcome.violations).toHaveLength(1);
    expect(outcome.violations[0].message).toBe(busyMessage(TWO, "FLOW_BACKUPINSTANCE 31021 (Running, 0%), FLOW_RESIZE 31020 (Initializing, 0%)", "2 tasks"));
  });

  test.each([
    ["an InstanceIdle (dynamic) on that instance", INSTANCE_IDLE_TYPE, { instanceId: BUSY }],
    ["an InstanceIdle (plugin) on that instance", INSTANCE_IDLE_TOKEN, { instanceId: BUSY }],
    ["an InstanceIdle whose taskTypes include the running type", INSTANCE_IDLE_TYPE, { instanceId: BUSY, taskTypes: ["FLOW_RESIZE", "FLOW_BACKUPINSTANCE"] }],
    ["a TaskWait on the running task itself", TASK_WAIT_TYPE, { requestId: 31010 }],
  ])("%s among its dependencies gates it", async (_, type, props) => {
    expect(await run([{ type, name: "idle", props }, account(BUSY, { dependencies: ["idle"] })])).toEqual({ violations: [] });
  });

  test("a gate reached transitively, or through a property dependency, gates it too", async () => {
    const specs: StackResourceSpec[] = [
      { type: INSTANCE_IDLE_TYPE, name: "idle", props: { instanceId: BUSY } },
      { type: "tencentcloud:Redis/param:Param", name: "params", props: { instanceId: BUSY }, propertyDependencies: { instanceId: ["idle"] } },
      account(BUSY, { dependencies: ["params"] }),
    ];
    expect(await run(specs)).toEqual({ violations: [] });
  });

  test.each([
    ["an InstanceIdle on another instance", INSTANCE_IDLE_TYPE, { instanceId: IDLE }],
    ["an InstanceIdle whose taskTypes leave out the running type", INSTANCE_IDLE_TYPE, { instanceId: BUSY, taskTypes: ["FLOW_RESIZE"] }],
    ["a TaskWait on another task", TASK_WAIT_TYPE, { requestId: 31011 }],
  ])("%s does not gate it", async (_, type, props) => {
    const outcome = await run([{ type, name: "idle", props }, account(BUSY, { dependencies: ["idle"] })]);
    expect(outcome.violations.map((v) => v.message)).toEqual([busyMessage(BUSY, "FLOW_BACKUPINSTANCE 31010 (Running, 0%)")]);
  });

  test("a gate that is only the parent does not gate it (parents do not order children)", async () => {
    const outcome = await run([{ type: INSTANCE_IDLE_TYPE, name: "idle", props: { instanceId: BUSY } }, account(BUSY, { parent: "idle" })]);
    expect(outcome.violations).toHaveLength(1);
  });

  test("an InstanceIdle whose instanceId is not known yet at preview counts as a gate", async () => {
    const idle = { type: INSTANCE_IDLE_TYPE, name: "idle", props: unknownCheckingProxy({ instanceId: unknownStringValue }) };
    expect(await run([idle, account(BUSY, { dependencies: ["idle"] })])).toEqual({ violations: [] });
  });

  test("the instance itself: its recorded id is the instance ID; an InstanceIdle on it in dependsOn gates it", async () => {
    const instance = { type: INSTANCE, name: "cache", props: { id: BUSY, name: "cache", memSize: 1024 } };
    const ungated = await run([instance]);
    expect(ungated.violations).toEqual([{ message: busyMessage(BUSY, "FLOW_BACKUPINSTANCE 31010 (Running, 0%)").replace(`"account" (${ACCOUNT})`, `"cache" (${INSTANCE})`), urn: urnOf(INSTANCE, "cache") }]);
    const gated = await run([{ type: INSTANCE_IDLE_TYPE, name: "idle", props: { instanceId: BUSY } }, { ...instance, dependencies: ["idle"] }]);
    expect(gated).toEqual({ violations: [] });
  });

  test("an instance being changed (inputs only, no id) is recognised through a resource whose instanceId comes from it", async () => {
    const specs: StackResourceSpec[] = [
      { type: INSTANCE, name: "cache", props: { name: "cache", memSize: 2048 } },
      { type: ACCOUNT, name: "account", props: { instanceId: BUSY }, propertyDependencies: { instanceId: ["cache"] } },
    ];
    const outcome = await run(specs);
    expect(outcome.violations.map((v) => v.urn).sort()).toEqual([urnOf(ACCOUNT, "account"), urnOf(INSTANCE, "cache")].sort());
  });

  test("a new instance nothing is wired to yet, and resources without an instanceId, are not listed", async () => {
    const before = emulator.stats().requests;
    const outcome = await run([
      { type: INSTANCE, name: "cache", props: { name: "cache" } },
      { type: "tencentcloud:Redis/paramTemplate:ParamTemplate", name: "template", props: { name: "t" } },
    ]);
    expect(outcome).toEqual({ violations: [], notApplicable: "no resource of the configured types acts on a known Redis instance" });
    expect(emulator.stats().requests).toBe(before);
  });

  test("types outside the configured ones are ignored; configuring them brings them in", async () => {
    const custom = { type: "acme:cache:Tuning", name: "account", props: { instanceId: BUSY } };
    expect((await run([custom])).violations).toEqual([]);
    expect((await run([custom], { types: ["acme:*"] })).violations).toHaveLength(1);
  });

  test("one listing per instance, however many resources act on it", async () => {
    const before = listings(BUSY);
    const outcome = await run([account(BUSY), { type: "tencentcloud:Redis/param:Param", name: "params", props: { instanceId: BUSY } }]);
    expect(outcome.violations).toHaveLength(2);
    expect(listings(BUSY)).toBe(before + 1);
  });

  test("an instanceId not known at preview, or not of the console's form, is noted, never a violation", async () => {
    const unknown = await run([{ type: ACCOUNT, name: "account", props: unknownCheckingProxy({ instanceId: unknownStringValue }) }]);
    expect(unknown.violations).toEqual([]);
    expect(unknown.notApplicable).toMatch(/^Resource "account" \(tencentcloud:Redis\/account:Account\): instanceId is not known yet/);
    const bad = await run([account("redis-1")]);
    expect(bad).toEqual({ violations: [], notApplicable: 'Resource "account" (tencentcloud:Redis/account:Account): instanceId "redis-1" is not a Redis instance ID ("crs-" and 8 lower-case letters or digits)' });
  });

  test("missing credentials are a note naming what to set, written to the log too", async () => {
    delete env.TENCENTCLOUD_SECRET_KEY;
    const outcome = await run([account(BUSY)]);
    expect(outcome.violations).toEqual([]);
    expect(outcome.notApplicable).toMatch(/cannot query DescribeTaskList: set TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY/);
    expect(logged).toEqual([`redis-instance-busy: not checked: ${outcome.notApplicable}`]);
  });

  test("an API error is a note naming the instance; a budget that runs out names the instances not listed", async () => {
    const failing = createRedisInstanceBusyPolicy({
      env: () => env,
      log: () => undefined,
      list: async (query) => {
        throw new Error(`AuthFailure for ${query.instanceId}`);
      },
    });
    expect(await runStack(failing, stackResources([account(BUSY)]))).toEqual({ violations: [], notApplicable: `instance ${BUSY}: could not list its tasks: AuthFailure for ${BUSY}` });

    const slow = createRedisInstanceBusyPolicy({
      env: () => env,
      log: () => undefined,
      // Gives up only when the budget aborts, as the real client does.
      list: (_query, _settings, signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
    });
    const outcome = await runStack(slow, stackResources([account(BUSY), { type: ACCOUNT, name: "other", props: { instanceId: TWO } }]), { timeBudget: "1s" });
    expect(outcome).toEqual({
      violations: [],
      notApplicable: `the time budget of 1s ran out before 2 of 2 instances were listed (${BUSY}, ${TWO}); raise timeBudget in the policy config to wait longer`,
    });
  });

  test("the region and endpoint come from the policy config when the environment has none", async () => {
    delete env.TENCENTCLOUD_REGION;
    delete env.TENCENTCLOUD_REDIS_ENDPOINT;
    expect((await run([account(BUSY)], { region: REGION, endpoint: emulator.url })).violations).toHaveLength(1);
  });
});
