/**
 * API 2.0 through `qcloudapi-sdk` (the official Node client of the 2.0 API, from the npm
 * registry), configured for a custom host as its README shows: GET and POST, HmacSHA1 (its
 * default) and HmacSHA256. It adds a `RequestClient` parameter of its own, signed like the rest.
 */
import QcloudApi = require("qcloudapi-sdk");
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { REGION, SECRET_ID, SECRET_KEY } from "../support/emulatorEnv";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ tasks: [{ requestId: 11963, timeline: [{ status: 1 }] }, { requestId: 11964, timeline: [{ status: 3 }] }] });
});
afterAll(() => emulator.close());

function describeTaskInfo(options: { method: "GET" | "POST"; signatureMethod: "sha1" | "sha256"; secretKey?: string }, requestId: number): Promise<Record<string, unknown>> {
  const api = new QcloudApi({
    SecretId: SECRET_ID,
    SecretKey: options.secretKey ?? SECRET_KEY,
    Region: REGION,
    host: new URL(emulator.url).host,
    protocol: "http",
    method: options.method,
    signatureMethod: options.signatureMethod,
  });
  return new Promise((resolve, reject) => api.request({ Action: "DescribeTaskInfo", requestId }, (error: Error | null, body: Record<string, unknown>) => (error ? reject(error) : resolve(body))));
}

test.each([
  ["GET", "sha1"],
  ["GET", "sha256"],
  ["POST", "sha1"],
  ["POST", "sha256"],
] as const)("DescribeTaskInfo over %s signed with %s", async (method, signatureMethod) => {
  expect(await describeTaskInfo({ method, signatureMethod }, 11963)).toEqual({ code: 0, message: "", codeDesc: "Success", data: { status: 1 } });
  expect(await describeTaskInfo({ method, signatureMethod }, 11964)).toMatchObject({ code: 0, data: { status: 3 } });
});

test("a wrong key is still refused", async () => {
  expect(await describeTaskInfo({ method: "GET", signatureMethod: "sha256", secretKey: "x".repeat(32) }, 11963)).toMatchObject({ code: 4100, codeDesc: "AuthFailure.SignatureFailure" });
});
