/**
 * Bad input is rejected before any call: at `check` (the provider's own function, and the real
 * host over gRPC as `pulumi preview` runs it), and by the CLI with exit code 2. Each message
 * names the field and the expected form. Cases start from a valid set of inputs and change one
 * field, as awsguard's tests do.
 */
import { ExitCode } from "../../provider/cli/exitCodes";
import { main } from "../../provider/cli/main";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { taskWaitProvider } from "../../provider";
import { packedProject } from "../support/packedProject";
import { startProviderHost, type ProviderHost } from "../support/providerHost";
import { cleanEnv, REGION, SECRET_ID, SECRET_KEY, STACK_CONFIG } from "../support/emulatorEnv";
import { requireBuiltCli, runCli } from "./support/cli";
import { cachedRegistration } from "./support/registered";

jest.setTimeout(60_000);

/** The expected forms, as every message must state them after the field's name. */
const FORM = {
  requestId: "must be a non-negative integer task ID (a number or a numeric string) no larger than 2^53-1",
  duration: 'must be a positive duration such as "90s", "45m", "1h30m" or a number of seconds',
  endpoint: 'must be an http:// or https:// base URL such as "http://127.0.0.1:43121"',
  apiVersion: 'must be "v2" (API 2.0) or "v3" (API 3.0)',
  region: 'must be a Tencent Cloud region name such as "ap-guangzhou"',
};

const valid = {
  requestId: 11963,
  region: "ap-guangzhou",
  endpoint: "http://127.0.0.1:43121",
  apiVersion: "v3",
  timeout: "45m",
  minPollInterval: "1s",
  maxPollInterval: "20s",
  displayName: "gate",
};

/** [case, the changed fields, the failing field, the exact reason]. */
const cases: Array<[string, Record<string, unknown>, string, string]> = [
  ["requestId missing", { requestId: undefined }, "requestId", `requestId ${FORM.requestId}; it is missing`],
  ["requestId negative", { requestId: -1 }, "requestId", `requestId ${FORM.requestId}; got -1`],
  ["requestId fractional", { requestId: 1.5 }, "requestId", `requestId ${FORM.requestId}; got 1.5`],
  ["requestId beyond 2^53 (a number)", { requestId: 2 ** 53 + 2 }, "requestId", `requestId ${FORM.requestId}; got 9007199254740994`],
  ["requestId beyond 2^53 (a string)", { requestId: "9007199254740993" }, "requestId", `requestId ${FORM.requestId}; got "9007199254740993"`],
  ["requestId a non-numeric string", { requestId: "12a" }, "requestId", `requestId ${FORM.requestId}; got "12a"`],
  ["requestId a negative string", { requestId: "-5" }, "requestId", `requestId ${FORM.requestId}; got "-5"`],
  ["timeout that does not parse", { timeout: "soon" }, "timeout", `timeout ${FORM.duration}; got "soon"`],
  ["timeout zero", { timeout: 0 }, "timeout", `timeout ${FORM.duration}; got 0`],
  ["timeout zero with a unit", { timeout: "0s" }, "timeout", `timeout ${FORM.duration}; got "0s"`],
  ["timeout negative", { timeout: -5 }, "timeout", `timeout ${FORM.duration}; got -5`],
  ["timeout negative with a unit", { timeout: "-1m" }, "timeout", `timeout ${FORM.duration}; got "-1m"`],
  ["minPollInterval that does not parse", { minPollInterval: "1 sec" }, "minPollInterval", `minPollInterval ${FORM.duration}; got "1 sec"`],
  ["minPollInterval zero", { minPollInterval: "0ms" }, "minPollInterval", `minPollInterval ${FORM.duration}; got "0ms"`],
  ["maxPollInterval that does not parse", { maxPollInterval: "20" + "x" }, "maxPollInterval", `maxPollInterval ${FORM.duration}; got "20x"`],
  ["maxPollInterval negative", { maxPollInterval: -20 }, "maxPollInterval", `maxPollInterval ${FORM.duration}; got -20`],
  ["minPollInterval above maxPollInterval", { minPollInterval: "30s", maxPollInterval: "10s" }, "minPollInterval", 'minPollInterval must not exceed maxPollInterval; got "30s" > "10s"'],
  ["endpoint with another scheme", { endpoint: "ftp://x" }, "endpoint", `endpoint ${FORM.endpoint}; got "ftp://x"`],
  ["endpoint not a URL", { endpoint: "redis.tencentcloudapi.com" }, "endpoint", `endpoint ${FORM.endpoint}; got "redis.tencentcloudapi.com"`],
  ["endpoint with a query", { endpoint: "http://127.0.0.1:1/?Action=x" }, "endpoint", `endpoint ${FORM.endpoint}; got "http://127.0.0.1:1/?Action=x"`],
  ["unknown apiVersion", { apiVersion: "v4" }, "apiVersion", `apiVersion ${FORM.apiVersion}; got "v4"`],
  ["apiVersion in capitals", { apiVersion: "V3" }, "apiVersion", `apiVersion ${FORM.apiVersion}; got "V3"`],
  ["region not a region name", { region: "Guangzhou" }, "region", `region ${FORM.region}; got "Guangzhou"`],
  ["region with an underscore", { region: "ap_guangzhou" }, "region", `region ${FORM.region}; got "ap_guangzhou"`],
];

const withChange = (change: Record<string, unknown>) => {
  const news: Record<string, unknown> = { ...valid, ...change };
  for (const key of Object.keys(news)) if (news[key] === undefined) delete news[key];
  return news;
};

describe("taskWaitProvider.check", () => {
  test("the valid inputs pass", async () => {
    expect((await taskWaitProvider.check({}, valid)).failures).toEqual([]);
  });

  test.each(cases)("%s: one failure naming the field and the expected form", async (_name, change, property, reason) => {
    const { failures } = await taskWaitProvider.check({}, withChange(change));
    expect(failures).toEqual([{ property, reason }]);
  });

  test("every bad field is reported at once, not only the first", async () => {
    const { failures } = await taskWaitProvider.check({}, { requestId: "12a", region: "Guangzhou", endpoint: "ftp://x", apiVersion: "v4", timeout: "soon" });
    expect(failures.map((f) => f.property).sort()).toEqual(["apiVersion", "endpoint", "region", "requestId", "timeout"]);
  });

  test.each([
    ["requestId", { requestId: NaN }, `requestId ${FORM.requestId}; got NaN`],
    ["timeout", { timeout: NaN }, `timeout ${FORM.duration}; got NaN`],
  ])("NaN as %s: rejected, and reported as NaN", async (property, change, reason) => {
    const { failures } = await taskWaitProvider.check({}, withChange(change));
    expect(failures.map((f) => f.property)).toEqual([property]);
    expect(failures[0].reason).toContain(`${property} ${property === "requestId" ? FORM.requestId : FORM.duration}`);
    expect(failures[0].reason).toBe(reason);
  });
});

describe("check through the real provider host (pulumi preview)", () => {
  let host: ProviderHost;
  let __provider: unknown;

  beforeAll(async () => {
    const project = packedProject();
    __provider = cachedRegistration(project).inputs.__provider;
    host = await startProviderHost(project, cleanEnv());
    await host.configure(STACK_CONFIG);
  }, 180_000);

  afterAll(async () => {
    await host?.close();
  });

  test("every case gives the host's engine the same failure as the provider function", async () => {
    const results = await Promise.all(cases.map(([, change]) => host.check({}, { ...withChange(change), __provider })));
    results.forEach((result, i) => {
      const [, , property, reason] = cases[i];
      expect({ case: cases[i][0], failures: result.failures }).toEqual({ case: cases[i][0], failures: [{ property, reason }] });
    });
  });

  test("NaN arrives over gRPC and is rejected naming requestId", async () => {
    const result = await host.check({}, { ...withChange({ requestId: NaN }), __provider });
    expect(result.failures.map((f) => f.property)).toEqual(["requestId"]);
    expect(result.failures[0].reason).toContain(`requestId ${FORM.requestId}`);
  });
});

describe("the CLI: the same messages, exit code 2, no request sent", () => {
  let emulator: RunningEmulator;
  const env = () => cleanEnv({ TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: emulator.url });

  beforeAll(async () => {
    requireBuiltCli();
    emulator = await startEmulator({ tasks: [{ requestId: 11963, timeline: [{ status: 2 }] }] });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  /** The CLI's entry point in this process: the exit code it returns and what it writes. */
  async function cli(args: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: env(), isTTY: false });
    return { code, stdout, stderr };
  }

  /** [case, arguments after the command, the message expected on stderr]. */
  const common: Array<[string, string[], string]> = [
    ["requestId missing", [], "expected exactly one <requestId>, got 0"],
    ["requestId negative (after --)", ["--", "-5"], `requestId ${FORM.requestId}; got "-5"`],
    ["requestId fractional", ["1.5"], `requestId ${FORM.requestId}; got "1.5"`],
    ["requestId NaN", ["NaN"], `requestId ${FORM.requestId}; got "NaN"`],
    ["requestId beyond 2^53", ["9007199254740993"], `requestId ${FORM.requestId}; got "9007199254740993"`],
    ["requestId non-numeric", ["12a"], `requestId ${FORM.requestId}; got "12a"`],
    ["endpoint not http(s)", ["11963", "--endpoint", "ftp://x"], `--endpoint ${FORM.endpoint}; got "ftp://x"`],
    ["unknown API version", ["11963", "--api", "v4"], `--api ${FORM.apiVersion}; got "v4"`],
    ["region not a region name", ["11963", "--region", "Guangzhou"], `--region ${FORM.region}; got "Guangzhou"`],
  ];
  const waitOnly: Array<[string, string[], string]> = [
    ["--timeout that does not parse", ["11963", "--timeout", "soon"], `--timeout ${FORM.duration}; got "soon"`],
    ["--timeout zero", ["11963", "--timeout", "0"], `--timeout ${FORM.duration}; got "0"`],
    ["--timeout negative", ["11963", "--timeout=-1m"], `--timeout ${FORM.duration}; got "-1m"`],
    ["--min-poll-interval zero", ["11963", "--min-poll-interval", "0s"], `--min-poll-interval ${FORM.duration}; got "0s"`],
    ["--max-poll-interval that does not parse", ["11963", "--max-poll-interval", "20x"], `--max-poll-interval ${FORM.duration}; got "20x"`],
    ["--min-poll-interval above --max-poll-interval", ["11963", "--min-poll-interval", "30s", "--max-poll-interval", "10s"], '--min-poll-interval must not exceed --max-poll-interval; got "30s" > "10s"'],
  ];
  const matrix = [
    ...common.map(([name, args, message]) => ["status", name, args, message] as const),
    ...[...common, ...waitOnly].map(([name, args, message]) => ["wait", name, args, message] as const),
  ];

  test.each(matrix)("%s, %s: exit 2 with the message and the help hint", async (command, _name, args, message) => {
    const before = emulator.stats().requests;
    const run = await cli([command, ...args]);
    expect(run.code).toBe(ExitCode.Usage);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`tencentcloud-redis-task ${command}: ${message}\nRun "tencentcloud-redis-task ${command} --help" for usage.\n`);
    expect(emulator.stats().requests).toBe(before);
  });

  test("as real processes, the exit code is 2 and the message the same", async () => {
    const runs = await Promise.all([
      runCli(["status", "12a"], env()),
      runCli(["wait", "11963", "--timeout", "soon"], env()),
      runCli(["wait", "11963", "--api", "v4"], env()),
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2]);
    expect(runs[0].stderr).toContain(`tencentcloud-redis-task status: requestId ${FORM.requestId}; got "12a"`);
    expect(runs[1].stderr).toContain(`tencentcloud-redis-task wait: --timeout ${FORM.duration}; got "soon"`);
    expect(runs[2].stderr).toContain(`tencentcloud-redis-task wait: --api ${FORM.apiVersion}; got "v4"`);
  });

  test("a region from the environment that is not a region name: exit 2 with the region message", async () => {
    let stderr = "";
    const code = await main(["status", "11963"], {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      env: cleanEnv({ TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: "Guangzhou" }),
      isTTY: false,
    });
    expect(code).toBe(ExitCode.Usage);
    expect(stderr).toContain(`TENCENTCLOUD_REGION ${FORM.region}; got "Guangzhou"`);
  });
});
