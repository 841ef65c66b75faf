/**
 * The built CLI (`dist/provider/cli/main.js`) as a user runs it: a child process with a clean
 * environment, against an emulator started here, checked on stdout, stderr and exit code.
 */
import { execFileSync, spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import { createServer, type AddressInfo } from "net";
import * as path from "path";
import { describeTaskInfo } from "../../provider/api/describeTaskInfo";
import { type RunningEmulator, startEmulator } from "../../provider/emulator";
import { cleanEnv, emulatorSettings, REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "dist", "provider", "cli", "main.js");
const FAILED_MESSAGE = "Instance crs-demo0002 resize failed: insufficient capacity";

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let emu: RunningEmulator;

/** Every output seen, checked for the secret key after all runs. */
const outputs: string[] = [];

/** Runs the CLI to completion. */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      outputs.push(stdout, stderr);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The environment of a user with credentials, region and the emulator as endpoint. */
const userEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv =>
  cleanEnv({
    TENCENTCLOUD_SECRET_ID: SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
    TENCENTCLOUD_REGION: REGION,
    TENCENTCLOUD_REDIS_ENDPOINT: emu.url,
    ...extra,
  });

const status = (args: string[], extra?: NodeJS.ProcessEnv) => run(["status", ...args], userEnv(extra));

/** A URL on which nothing listens. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  if (!fs.existsSync(CLI)) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  emu = await startEmulator({
    tasks: [
      { requestId: 11963, taskType: "FLOW_CREATE", instanceId: "crs-demo0001", timeline: [{ status: 2 }] },
      { requestId: 11964, taskType: "FLOW_RESIZE", instanceId: "crs-demo0002", taskMessage: FAILED_MESSAGE, timeline: [{ status: 3 }] },
    ],
  });
}, 120_000);

afterAll(async () => {
  await emu?.close();
  // The secret key must never reach the user's terminal or logs, whatever happened.
  for (const text of outputs) expect(text).not.toContain(SECRET_KEY);
  expect(outputs.length).toBeGreaterThan(0);
});

describe("status: successful queries exit 0", () => {
  it("prints exactly one line for a succeeded task", async () => {
    const result = await status(["11963"]);
    expect(result).toEqual({ code: 0, signal: null, stdout: "task 11963: Succeeded (2)\n", stderr: "" });
  });

  it("exits 0 for a failed task too: the query itself succeeded", async () => {
    const result = await status(["11964"]);
    expect(result).toEqual({ code: 0, signal: null, stdout: "task 11964: Failed (3)\n", stderr: "" });
  });

  it("--api v3 queries API 3.0 and adds the task message of a failed task", async () => {
    const before = emu.stats().requests;
    expect(await status(["11963", "--api", "v3"])).toMatchObject({ code: 0, stdout: "task 11963: Succeeded (2)\n", stderr: "" });
    expect(await status(["11964", "--api", "v3"])).toMatchObject({ code: 0, stdout: `task 11964: Failed (3) - ${FAILED_MESSAGE}\n` });
    expect(emu.stats().requests - before).toBe(2);
  });

  it("--json prints the record", async () => {
    const result = await status(["11963", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ requestId: 11963, status: 2, statusText: "Succeeded", code: 0, message: "", codeDesc: "Success" });
  });

  it("--json --api v3 prints the API 3.0 fields as well", async () => {
    const result = await status(["11964", "--json", "--api", "v3"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      requestId: 11964,
      status: 3,
      statusText: "Failed",
      code: 0,
      message: "",
      codeDesc: "Success",
      apiRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      taskType: "FLOW_RESIZE",
      instanceId: "crs-demo0002",
      startTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      taskMessage: FAILED_MESSAGE,
    });
  });

  it("takes --region and --endpoint flags over the environment", async () => {
    const result = await run(
      ["status", "11963", "--region", REGION, "--endpoint", emu.url],
      cleanEnv({ TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: "Not A Region", TENCENTCLOUD_REDIS_ENDPOINT: "ftp://x" }),
    );
    expect(result).toMatchObject({ code: 0, stdout: "task 11963: Succeeded (2)\n" });
  });

  it("accepts TENCENTCLOUD_SESSION_TOKEN", async () => {
    expect(await status(["11963"], { TENCENTCLOUD_SESSION_TOKEN: "temporary-token" })).toMatchObject({ code: 0, stdout: "task 11963: Succeeded (2)\n" });
  });
});

describe("status: bad usage or input exits 2 without a request", () => {
  it.each([
    ["no requestId", [], "requestId"],
    ["abc", ["abc"], "requestId"],
    ["-1", ["-1"], "-1"],
    ["1.5", ["1.5"], "requestId"],
    ["two requestIds", ["1", "2"], "requestId"],
    ["an unknown flag", ["11963", "--bogus"], "--bogus"],
    ["--api v9", ["11963", "--api", "v9"], "--api"],
    ["--region NOT_A_REGION", ["11963", "--region", "NOT_A_REGION"], "--region"],
    ["--endpoint ftp://x", ["11963", "--endpoint", "ftp://x"], "--endpoint"],
  ])("%s", async (_name, args, field) => {
    const before = emu.stats().requests;
    const result = await status(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("tencentcloud-redis-task status:");
    expect(result.stderr).toContain(field);
    expect(result.stderr).toContain('Run "tencentcloud-redis-task status --help"');
    expect(emu.stats().requests).toBe(before);
  });

  it("a region from the environment that is not a region", async () => {
    const result = await status(["11963"], { TENCENTCLOUD_REGION: "NOT_A_REGION" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("region");
  });
});

describe("status: API, credential and network errors exit 4", () => {
  it("an unknown task", async () => {
    const result = await status(["999"]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Redis task 999");
    expect(result.stderr).toContain("11201");
    expect(result.stderr).toContain("requestId");
  });

  it("an unknown task over v3", async () => {
    const result = await status(["999", "--api", "v3"]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("InvalidParameter.InvalidParameter");
  });

  it("a wrong secret key, which is not echoed", async () => {
    const wrongKey = "WrongSecretKeyWrongSecretKey1234";
    const result = await status(["11963"], { TENCENTCLOUD_SECRET_KEY: wrongKey });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("AuthFailure.SignatureFailure");
    expect(result.stderr).toContain("TENCENTCLOUD_SECRET_KEY");
    expect(result.stderr).toContain("tencentcloud:secretKey");
    expect(result.stdout + result.stderr).not.toContain(wrongKey);
  });

  it("missing credentials name the config keys and the variables", async () => {
    const before = emu.stats().requests;
    const result = await run(["status", "11963"], cleanEnv({ TENCENTCLOUD_REGION: REGION, TENCENTCLOUD_REDIS_ENDPOINT: emu.url }));
    expect(result.code).toBe(4);
    expect(result.stdout).toBe("");
    for (const name of ["tencentcloud:secretId", "tencentcloud:secretKey", "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"]) {
      expect(result.stderr).toContain(name);
    }
    expect(emu.stats().requests).toBe(before);
  });

  it("a missing region names its config key and variable", async () => {
    const result = await run(
      ["status", "11963"],
      cleanEnv({ TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REDIS_ENDPOINT: emu.url }),
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("tencentcloud:region");
    expect(result.stderr).toContain("TENCENTCLOUD_REGION");
  });

  it.each(["v2", "v3"])("an unreachable endpoint over %s", async (api) => {
    const url = await closedPortUrl();
    const result = await status(["11963", "--api", api, "--endpoint", url]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("ECONNREFUSED");
    expect(result.stderr).toContain(url);
  });
});

describe("help", () => {
  it("status --help exits 0 and shows the options", async () => {
    const result = await run(["status", "--help"], cleanEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: tencentcloud-redis-task status <requestId>");
    expect(result.stdout).toContain("--api v2|v3");
    expect(result.stdout).toContain("TENCENTCLOUD_SECRET_ID");
  });

  it("--help exits 0 and lists the commands", async () => {
    const result = await run(["--help"], cleanEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("status <requestId>");
    expect(result.stdout).toContain("emulator");
  });

  it("an unknown command exits 2", async () => {
    const result = await run(["frobnicate"], cleanEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});

describe("emulator subcommand", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  it("prints its URL first, answers, and stops on SIGTERM with exit 0", async () => {
    child = spawn(process.execPath, [CLI, "emulator", "--port", "0", "--scenario", "scenarios/demo.json"], {
      cwd: ROOT,
      env: cleanEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const proc = child;
    let stdout = "";
    let stderr = "";
    proc.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      proc.on("exit", (code, signal) => resolve({ code, signal })),
    );
    const firstLine = await new Promise<string>((resolve, reject) => {
      proc.stdout!.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("\n")) resolve(stdout.split("\n")[0]);
      });
      proc.once("exit", (code) => reject(new Error(`emulator exited early with ${code}: ${stderr}`)));
    });
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(firstLine.split(":")[2])).toBeGreaterThan(0);

    // Task 11965 of the demo scenario has succeeded from the start.
    const record = await describeTaskInfo(11965, emulatorSettings(firstLine, "v2"));
    expect(record).toMatchObject({ requestId: 11965, status: 2 });
    const v3 = await describeTaskInfo(11965, emulatorSettings(firstLine, "v3"));
    expect(v3).toMatchObject({ status: 2, instanceId: "crs-demo0003", taskType: "FLOW_BACKUPINSTANCE" });

    proc.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
    // One request log line per API call, on stderr; stdout holds only the URL.
    expect(stdout).toBe(firstLine + "\n");
    expect(stderr).toContain("requestId=11965");
    outputs.push(stdout, stderr);
  });
});
