/** Keeping a secret requestId out of what the provider shows: the redaction itself and check's failures. */
import { checkTaskWaitInputs } from "../../provider/resources/taskWait/check";
import { redactingErrors, redactRequestId, secretTaskWaitId } from "../../provider/resources/secretRequestId";

test("replaces the ID as a whole number, wherever it stands, and leaves longer numbers that contain it", () => {
  expect(redactRequestId("Redis task 11963 failed: task 11963 gone; port 119630, 211963", 11963)).toBe(
    "Redis task [secret] failed: task [secret] gone; port 119630, 211963",
  );
  expect(redactRequestId("[TaskWait gate] task 42: Executing, 42 polls", "42")).toBe("[TaskWait gate] task [secret]: Executing, [secret] polls");
});

test("replaces a malformed ID as input errors quote it", () => {
  expect(redactRequestId('requestId must be …; got "12a"', "12a")).toBe("requestId must be …; got [secret]");
});

test("check's failure for a bad secret requestId does not quote it", () => {
  const { failures } = checkTaskWaitInputs({ requestId: "12a9", requestIdIsSecret: true });
  expect(failures).toEqual([{ property: "requestId", reason: expect.stringContaining("got [secret]") }]);
  expect(JSON.stringify(failures)).not.toContain("12a9");
  expect(checkTaskWaitInputs({ requestId: "12a9" }).failures[0].reason).toContain('got "12a9"');
});

test("errors leave without the ID in message, stack and a partial failure's reasons; only when secret", async () => {
  const failing = () => Promise.reject(Object.assign(new Error("Redis task 8675309 timed out"), { reasons: ["task 8675309 not ready"] }));
  const error = await redactingErrors(8675309, true, failing).catch((e: Error & { reasons: string[] }) => e);
  expect(error.message).toBe("Redis task [secret] timed out");
  expect(error.stack).not.toContain("8675309");
  expect(error.reasons).toEqual(["task [secret] not ready"]);
  await expect(redactingErrors(8675309, false, failing)).rejects.toThrow("Redis task 8675309 timed out");
});

test("a secret gate's resource ID is random and says nothing about the task", () => {
  const [a, b] = [secretTaskWaitId(), secretTaskWaitId()];
  expect(a).toMatch(/^secret-[0-9a-f-]{36}$/);
  expect(a).not.toBe(b);
});
