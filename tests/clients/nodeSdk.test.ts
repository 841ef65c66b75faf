/**
 * The official Node SDK (`tencentcloud-sdk-nodejs`, installed from the npm registry as users
 * install it) against the emulator, configured as its README shows for a custom endpoint. It
 * scopes its signature to the endpoint's first label (`127`) and signs the host without the port.
 */
import * as tencentcloud from "tencentcloud-sdk-nodejs";
import type { RunningEmulator } from "../../provider/emulator";
import { REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";
import { flowEmulator, runOfficialFlow, type SdkCall } from "./officialFlow";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await flowEmulator();
});
afterAll(() => emulator.close());

test("DescribeTaskInfo, ManualBackupInstance, ModifyInstanceParams refused then accepted", async () => {
  const client = new tencentcloud.redis.v20180412.Client({
    credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    region: REGION,
    profile: { httpProfile: { protocol: "http://", endpoint: new URL(emulator.url).host } },
  });
  const call: SdkCall = async (action, params) => {
    try {
      return await (client as unknown as Record<string, (p: unknown) => Promise<Record<string, unknown>>>)[action](params);
    } catch (error) {
      const sdkError = error as { code?: string; message: string };
      if (!sdkError.code) throw error;
      return { Code: sdkError.code, Message: sdkError.message };
    }
  };
  await runOfficialFlow(emulator, call);
});
