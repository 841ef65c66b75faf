/**
 * Nothing leaked: everything that leaves the process, on every path (success, failed task,
 * timeout, permanent API error, transport error, malformed answer, bad input), for both API
 * versions, with temporary credentials (a session token) — and the secret key and the token
 * appear in none of it:
 *
 * - the serialized provider and everything else the SDK registers (`__provider` text), with the
 *   key and token in the program's stack config and environment;
 * - every gRPC response and error of the real provider host (`transcript()`) and its stdout and
 *   stderr (`output()`: progress lines, the host's own error logs with stacks);
 * - the errors, results and progress lines of in-process waits (`util.inspect`ed, causes included);
 * - the CLI's stdout and stderr (`status`, `wait`, and `emulator` with its request log);
 * - the emulator's request log.
 *
 * The key and token must still reach the API: the raw requests seen on the wire are checked to
 * carry the token, so the scan is of a run that really used it.
 */
import { spawn } from "child_process";
import { inspect } from "util";
import { main } from "../../provider/cli/main";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { waitForRedisTask } from "../../provider/gate/waitForRedisTask";
import type { ApiVersion, ClientSettings } from "../../provider/api/types";
import { packedProject } from "../support/packedProject";
import { registerTaskWait } from "../support/registration";
import { startProviderHost, type ProviderHost } from "../support/providerHost";
import { cleanEnv, REGION } from "../support/emulatorEnv";
import { CLI, requireBuiltCli, runCli } from "./support/cli";
import { closedPortUrl, startFaultServer, type FaultServer } from "./support/faultServer";
import { API_VERSIONS, HANG_REQUEST_TIMEOUT_MS, nextRequestId } from "./support/gate";
import { pollPacedClock } from "../support/pollPacedClock";
import { stepOnPolls } from "../support/taskScript";

jest.setTimeout(60_000);

/** Recognizable fake credentials: a hit anywhere in the corpus is a leak. */
const SECRET_ID = "AKIDLeakCanaryId000000000000000000001";
const SECRET_KEY = "LeakCanaryKey7f3a9c1e5b2d4f6a8c0e2";
const TOKEN = "LeakCanaryToken-b8e2d4f6a1c3e5d7-sts";

/** Every text that left a process under test. */
const corpus: Array<{ source: string; text: string }> = [];
const collect = (source: string, text: unknown) => corpus.push({ source, text: typeof text === "string" ? text : inspect(text, { depth: 8 }) });

let project: string;
let emulator: RunningEmulator;
/** Accepts the same secret id with another key: every signature made with SECRET_KEY fails there. */
let otherKeyEmulator: RunningEmulator;
let host: ProviderHost;
let closed: string;
const recorders: FaultServer[] = [];

async function recorder(): Promise<FaultServer> {
  const server = await startFaultServer(() => ({ kind: "pass" }), emulator.url);
  recorders.push(server);
  return server;
}

function task(timeline: { status: number; ms?: number }[], extra: Record<string, string | boolean> = {}): number {
  const requestId = nextRequestId();
  emulator.addTask({ requestId, timeline: timeline as never, ...extra });
  return requestId;
}

const settled = <T>(promise: Promise<T>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

beforeAll(async () => {
  requireBuiltCli();
  project = packedProject();
  const log = (name: string) => (line: string) => collect(`${name} log`, line);
  emulator = await startEmulator({ credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }], log: log("emulator") });
  otherKeyEmulator = await startEmulator({ credentials: [{ secretId: SECRET_ID, secretKey: "another-key-entirely-0000000000" }], log: log("other emulator") });
  closed = await closedPortUrl();
}, 180_000);

afterAll(async () => {
  await host?.close();
  for (const server of recorders) await server.close();
  await emulator?.close();
  await otherKeyEmulator?.close();
});

test("the registered inputs (the serialized provider included) hold no secret, though the program's config and environment had them", () => {
  const saved = { ...process.env };
  try {
    // The program runs with the key and token in its stack config and environment, as a user's would.
    process.env.PULUMI_CONFIG = JSON.stringify({
      "tencentcloud:secretId": SECRET_ID,
      "tencentcloud:secretKey": SECRET_KEY,
      "tencentcloud:securityToken": TOKEN,
      "tencentcloud:region": REGION,
    });
    process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(["tencentcloud:secretKey", "tencentcloud:securityToken"]);
    process.env.TENCENTCLOUD_SECRET_KEY = SECRET_KEY;
    process.env.TENCENTCLOUD_SECURITY_TOKEN = TOKEN;
    // One registration: the serialized provider is the same whatever the API version.
    const registration = registerTaskWait(project, "leak-gate", { requestId: 1, apiVersion: "v3", timeout: "1m" });
    expect(String(registration.inputs.__provider).length).toBeGreaterThan(500);
    collect("registration", JSON.stringify(registration));
  } finally {
    process.env = saved;
  }
});

test("the provider host: every gRPC response and error and all its output, on every path, both API versions", async () => {
  host = await startProviderHost(project, cleanEnv());
  await host.configure({
    "tencentcloud:secretId": SECRET_ID,
    "tencentcloud:secretKey": SECRET_KEY,
    "tencentcloud:securityToken": TOKEN,
    "tencentcloud:region": REGION,
  });
  const provider = corpus.find((entry) => entry.source === "registration");
  const __provider = provider ? JSON.parse(provider.text).inputs.__provider : undefined;
  expect(__provider).toBeDefined();
  const inputs = (apiVersion: ApiVersion, requestId: number, extra: Record<string, unknown> = {}) => ({
    __provider,
    requestId,
    apiVersion,
    endpoint: emulator.url,
    minPollInterval: "50ms",
    maxPollInterval: "150ms",
    displayName: "leak-gate",
    ...extra,
  });

  await Promise.all(
    API_VERSIONS.map(async (apiVersion) => {
      const wire = await recorder();
      const ok = inputs(apiVersion, task([{ status: 1, ms: 200 }, { status: 2 }], { taskType: "FLOW_RESIZE", instanceId: "crs-leak0001" }), { endpoint: wire.url });
      const created = await host.create((await host.check({}, ok)).inputs);
      await host.read(created.id, created.properties);
      await host.diff(created.id, created.properties, { ...ok, timeout: "1h" });
      await host.update(created.id, created.properties, { ...ok, timeout: "1h" });
      await host.delete(created.id, created.properties);
      expect(wire.requests().join("\n")).toContain(TOKEN); // the host really signed with the token

      const outcomes = await Promise.all([
        settled(host.create(inputs(apiVersion, task([{ status: 3 }], { taskMessage: "resize failed: no capacity" })))),
        settled(host.create(inputs(apiVersion, task([{ status: 1 }]), { timeout: "500ms" }))),
        settled(host.create(inputs(apiVersion, nextRequestId()))), // no such task: 11201 / InvalidParameter
        settled(host.create(inputs(apiVersion, task([{ status: 2 }]), { endpoint: closed, timeout: "500ms" }))),
        settled(host.create(inputs(apiVersion, task([{ status: 2 }]), { endpoint: otherKeyEmulator.url }))),
        settled(host.check({}, inputs(apiVersion, -1, { timeout: "soon", endpoint: "ftp://x" }))),
      ]);
      const failures = outcomes.filter((outcome) => "error" in outcome).length;
      expect(failures).toBe(5);
    }),
  );
  collect("host transcript", host.transcript());
  collect("host output", host.output());
  expect(host.transcript()).toMatch(/did not finish within the timeout/);
  expect(host.transcript()).toMatch(/ECONNREFUSED/);
  expect(host.transcript()).toMatch(/AuthFailure\.SignatureFailure/);
  expect(host.transcript()).toMatch(/11201|InvalidParameter/);
  expect(host.output()).toMatch(/\[TaskWait leak-gate\] task \d+: Succeeded/);
});

test("in-process waits: results, errors (inspected, with their causes) and progress lines, both API versions", async () => {
  const malformed = await startFaultServer(() => ({ kind: "answer", status: 502, contentType: "text/html", body: "<html>502 Bad Gateway</html>" }));
  recorders.push(malformed);
  const hang = await startFaultServer(() => ({ kind: "hang" }));
  recorders.push(hang);
  await Promise.all(
    API_VERSIONS.flatMap((apiVersion) => {
      // A short per-request timeout only where the server never answers; elsewhere a local answer
      // delayed by a busy machine must not become a retry.
      const settings = (endpoint: string): ClientSettings => ({
        secretId: SECRET_ID,
        secretKey: SECRET_KEY,
        token: TOKEN,
        region: REGION,
        endpoint,
        apiVersion,
        requestTimeoutMs: endpoint === hang.url ? HANG_REQUEST_TIMEOUT_MS : 5000,
      });
      const run = async (name: string, requestId: number, endpoint: string, onWire?: FaultServer) => {
        const progress: string[] = [];
        const result = await waitForRedisTask({
          requestId,
          settings: settings(endpoint),
          timeout: "600ms",
          // Time moves only between polls: the 600 ms pass after the wait's own polls, on any machine.
          clock: pollPacedClock(600),
          minPollInterval: "50ms",
          maxPollInterval: "100ms",
          label: `leak ${name}`,
          writeProgress: (line) => progress.push(line),
          rateLimiter: false,
        });
        collect(`wait ${apiVersion} ${name} progress`, progress.join("\n"));
        collect(`wait ${apiVersion} ${name} result`, result);
        if (result.error) {
          collect(`wait ${apiVersion} ${name} error`, result.error.message);
          collect(`wait ${apiVersion} ${name} error stack`, String(result.error.stack));
        }
        if (onWire) expect(onWire.requests().join("\n")).toContain(TOKEN);
        return result.state;
      };
      return [
        recorder().then(async (wire) => {
          // Executing at the first poll, succeeded from the next: whatever the pace of the polls.
          const ok = task([{ status: 1 }], { held: true });
          const [state] = await Promise.all([run("ok", ok, wire.url, wire), stepOnPolls(emulator, ok, [2])]);
          expect(state).toBe("succeeded");
        }),
        run("failed", task([{ status: -1 }]), emulator.url).then((state) => expect(state).toBe("failed")),
        run("wrong key", task([{ status: 2 }]), otherKeyEmulator.url).then((state) => expect(state).toBe("error")),
        run("unknown task", nextRequestId(), emulator.url).then((state) => expect(state).toBe("error")),
        run("refused", 1, closed).then((state) => expect(state).toBe("timedOut")),
        run("502", 1, malformed.url).then((state) => expect(state).toBe("timedOut")),
        run("hang", 1, hang.url).then((state) => expect(state).toBe("timedOut")),
      ];
    }),
  );
});

test("the CLI: stdout and stderr of status, wait and emulator, with the token from the environment", async () => {
  const okTask = task([{ status: 1, ms: 200 }, { status: 2 }], { taskType: "FLOW_RESIZE", instanceId: "crs-leak0002" });
  const failedTask = task([{ status: 3 }], { taskMessage: "resize failed: no capacity" });
  const env = (endpoint: string, tokenVariable = "TENCENTCLOUD_SECURITY_TOKEN") =>
    cleanEnv({ TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, [tokenVariable]: TOKEN, TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: endpoint });
  const fast = ["--min-poll-interval", "50ms", "--max-poll-interval", "100ms"];

  // `emulator` as a process, with the key on its command line: its request log must not show it.
  const child = spawn(process.execPath, [CLI, "emulator", "--secret-id", SECRET_ID, "--secret-key", SECRET_KEY], { stdio: ["ignore", "pipe", "pipe"] });
  let emulatorOut = "";
  let emulatorErr = "";
  child.stderr.on("data", (chunk: Buffer) => (emulatorErr += chunk.toString()));
  const cliEmulatorUrl = await new Promise<string>((resolve) =>
    child.stdout.on("data", (chunk: Buffer) => {
      emulatorOut += chunk.toString();
      if (emulatorOut.includes("\n")) resolve(emulatorOut.split("\n")[0].trim());
    }),
  );

  // The whole matrix through the CLI's entry point in this process (its stdout and stderr are
  // the `io` it writes to), and a few as real processes, which add Node's own output.
  const inProcess = (args: string[], envOf: NodeJS.ProcessEnv) => {
    let stdout = "";
    let stderr = "";
    const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), env: envOf, isTTY: false };
    return main(args, io).then((code) => ({ code, stdout, stderr }));
  };
  const matrix = API_VERSIONS.flatMap((api) => [
    inProcess(["status", String(okTask), "--api", api], env(emulator.url)),
    inProcess(["status", String(okTask), "--api", api, "--json"], env(emulator.url, "TENCENTCLOUD_SESSION_TOKEN")),
    inProcess(["wait", String(okTask), "--api", api, "--timeout", "5s", ...fast], env(emulator.url)),
    inProcess(["wait", String(failedTask), "--api", api, "--json", ...fast], env(emulator.url)),
    inProcess(["status", String(okTask), "--api", api], env(otherKeyEmulator.url)),
    inProcess(["wait", String(nextRequestId()), "--api", api], env(emulator.url)),
    inProcess(["wait", "1", "--api", api, "--timeout", "600ms", ...fast], env(closed)),
    inProcess(["wait", "1.5", "--api", api, "--timeout", "soon"], env(emulator.url)),
    inProcess(["status", "1", "--api", api], env(cliEmulatorUrl)),
  ]);
  const spawned = [
    runCli(["status", String(okTask)], env(emulator.url)),
    runCli(["wait", String(okTask), "--api", "v3", "--timeout", "5s", ...fast], env(emulator.url, "TENCENTCLOUD_SESSION_TOKEN")),
    runCli(["status", String(okTask), "--api", "v3"], env(otherKeyEmulator.url)),
    runCli(["wait", "1", "--timeout", "600ms", ...fast], env(closed)),
  ];
  const runs = await Promise.all([...matrix, ...spawned]);
  const exitCodes = runs.map((run) => run.code);
  // ok, ok --json, wait ok, wait failed, wrong key, unknown task, refused (timed out), bad input, unknown task on the CLI emulator
  const perVersion = [0, 0, 0, 1, 4, 4, 3, 2, 4];
  expect(exitCodes).toEqual([...perVersion, ...perVersion, 0, 0, 4, 3]);
  runs.forEach((run, i) => {
    collect(`cli run ${i} stdout`, run.stdout);
    collect(`cli run ${i} stderr`, run.stderr);
  });
  expect(runs.map((run) => run.stderr).join("")).toMatch(/\[wait\] task \d+: Succeeded/);

  const exited = new Promise((resolve) => child.once("close", resolve));
  child.kill("SIGTERM");
  await exited;
  collect("cli emulator stdout", emulatorOut);
  collect("cli emulator stderr", emulatorErr);
  expect(emulatorErr).toMatch(/action=DescribeTaskInfo requestId=1 -> /);
});

test("the secret key and the token occur zero times in all of it", () => {
  const all = corpus.map((entry) => entry.text).join("\n");
  // Non-trivial: every source above contributed, and there is enough text for a leak to hide in.
  expect(all.length).toBeGreaterThan(5 * 1024);
  for (const source of ["registration", "host transcript", "host output", "emulator log", "other emulator log", "cli emulator stderr"]) {
    expect(corpus.some((entry) => entry.source === source && entry.text.length > 0)).toBe(true);
  }
  const hits = (needle: string) => corpus.filter((entry) => entry.text.includes(needle)).map((entry) => entry.source);
  expect({ secretKey: hits(SECRET_KEY), token: hits(TOKEN) }).toEqual({ secretKey: [], token: [] });
});
