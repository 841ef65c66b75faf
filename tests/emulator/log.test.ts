/** The request log: one line per request, with the useful facts and never a secret. */
import { signTc3 } from "../../provider/api/signV3";
import { type RunningEmulator, startEmulator } from "../../provider/emulator";
import { callV2, callV3, jsonOf, signedV2Params, virtualClock } from "./signedRequests";

const SECRET_KEY = "LogTestSecretKey0123456789abcdef";
const SECRET_ID = "AKIDlogtest0000000000000000000000000";
const TOKEN = "TemporaryTokenValue-abcdef0123456789";
const clock = virtualClock();
const lines: string[] = [];
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({
    clock: clock.now,
    credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }],
    tasks: [{ requestId: 11963, timeline: [{ status: 1 }] }],
    log: (line) => lines.push(line),
  });
});
afterAll(() => emu.close());

it("logs each request once without keys, signatures or tokens", async () => {
  const creds = { secretId: SECRET_ID, secretKey: SECRET_KEY };
  const getParams = signedV2Params(emu.url, clock.now(), { ...creds, params: { Token: TOKEN } });
  expect((await jsonOf(await fetch(`${emu.url}/v2/index.php?${new URLSearchParams(getParams)}`))).code).toBe(0);
  const postParams = signedV2Params(emu.url, clock.now(), { ...creds, method: "POST", params: { Token: TOKEN } });
  const postBody = new URLSearchParams(postParams).toString();
  expect((await jsonOf(await fetch(`${emu.url}/v2/index.php`, { method: "POST", body: postBody }))).code).toBe(0);
  await callV2(emu.url, clock.now(), { ...creds, secretKey: "wrong-key" });
  await callV3(emu.url, clock.now(), { ...creds, token: TOKEN, taskId: 11963 });
  await callV3(emu.url, clock.now(), { ...creds, token: TOKEN, taskId: 5 });
  emu.setFaults({ failureRate: 1, failureKinds: ["reset"] });
  await expect(callV2(emu.url, clock.now(), creds)).rejects.toThrow();
  emu.setFaults({});
  await fetch(`${emu.url}/_emulator/stats`);

  expect(lines).toHaveLength(7);
  expect(lines[0]).toBe("GET /v2/index.php action=DescribeTaskInfo requestId=11963 -> 0 Success");
  expect(lines[1]).toBe("POST /v2/index.php action=DescribeTaskInfo requestId=11963 -> 0 Success");
  expect(lines[2]).toBe("GET /v2/index.php action=DescribeTaskInfo requestId=11963 -> 4100 AuthFailure.SignatureFailure");
  expect(lines[3]).toMatch(/^POST \/ action=DescribeTaskInfo requestId=11963 -> Success apiRequestId=[0-9a-f-]{36}$/);
  expect(lines[4]).toMatch(/^POST \/ action=DescribeTaskInfo requestId=5 -> InvalidParameter.InvalidParameter apiRequestId=/);
  expect(lines[5]).toBe("GET /v2/index.php action=DescribeTaskInfo requestId=11963 -> fault reset");
  expect(lines[6]).toBe("GET /_emulator/stats -> 200");

  // The API 3.0 signature is deterministic: the same inputs callV3 signed.
  const v3Signature = signTc3({
    ...creds,
    service: "redis",
    host: new URL(emu.url).host,
    timestamp: Math.floor(clock.now() / 1000),
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify({ TaskId: 11963 }),
  }).signature;
  const signatures = [getParams.Signature, postParams.Signature, v3Signature];
  const log = lines.join("\n");
  for (const secret of [SECRET_KEY, TOKEN, ...signatures, ...signatures.map(encodeURIComponent), "Signature=", "Credential=", "?"]) {
    expect(log).not.toContain(secret);
  }
});
