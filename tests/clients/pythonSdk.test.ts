/**
 * The official Python SDK (`tencentcloud-sdk-python-redis` and its `-common`, installed from PyPI
 * with pip into a cached virtualenv, as tests/clients/python/requirements.txt pins them) against
 * the emulator: the same flow as the Node SDK's, each call a run of python/redis_call.py.
 */
import { execFile } from "child_process";
import * as path from "path";
import type { RunningEmulator } from "../../provider/emulator";
import { cleanEnv, REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";
import { pythonVenv } from "../e2e/support/pythonVenv";
import { flowEmulator, runOfficialFlow, type SdkCall } from "./officialFlow";

// Creating the virtualenv downloads from PyPI the first time.
jest.setTimeout(300_000);

const DIR = path.join(__dirname, "python");
let emulator: RunningEmulator;
let python: string;
beforeAll(async () => {
  python = path.join(pythonVenv(path.join(DIR, "requirements.txt")), "bin", "python");
  emulator = await flowEmulator();
});
afterAll(() => emulator?.close());

test("DescribeTaskInfo, ManualBackupInstance, ModifyInstanceParams refused then accepted", async () => {
  const env = cleanEnv({ ENDPOINT: new URL(emulator.url).host, TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_REGION: REGION });
  const call: SdkCall = (action, params) =>
    new Promise((resolve, reject) =>
      execFile(python, [path.join(DIR, "redis_call.py"), action, JSON.stringify(params)], { env }, (error, stdout, stderr) =>
        error ? reject(new Error(`${action}: ${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
      ),
    );
  await runOfficialFlow(emulator, call);
});
