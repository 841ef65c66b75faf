/** Credentials and settings shared by tests that talk to the emulator. */
import { DEFAULT_EMULATOR_SECRET_ID, DEFAULT_EMULATOR_SECRET_KEY } from "../../provider/emulator";

export const SECRET_ID = DEFAULT_EMULATOR_SECRET_ID;
export const SECRET_KEY = DEFAULT_EMULATOR_SECRET_KEY;
export const REGION = "ap-guangzhou";

/** Stack config as the engine's Configure call carries it. */
export const STACK_CONFIG = {
  "tencentcloud:secretId": SECRET_ID,
  "tencentcloud:secretKey": SECRET_KEY,
  "tencentcloud:region": REGION,
};

/** The environment without any Tencent Cloud settings, so tests prove where settings come from. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("TENCENTCLOUD_")) env[key] = value;
  return { ...env, ...extra };
}

/** Settings for direct client calls against an emulator at `endpoint`. */
export function emulatorSettings(endpoint: string, apiVersion: "v2" | "v3" = "v2") {
  return { secretId: SECRET_ID, secretKey: SECRET_KEY, region: REGION, endpoint, apiVersion } as const;
}
