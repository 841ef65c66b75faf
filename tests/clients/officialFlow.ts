/**
 * What every official API 3.0 client must be able to do against the emulator, written once and
 * run through each SDK: read a task, start a backup and read its task, have a parameter change
 * refused while the backup runs and accepted once it ended. `call` sends one action through the
 * SDK under test and returns the answer's fields, or `{Code, Message}` when the SDK raised.
 */
import { startEmulator, type RunningEmulator } from "../../provider/emulator";

/** One call through an SDK: the response fields, or the SDK error's code and message. */
export type SdkCall = (action: string, params: Record<string, unknown>) => Promise<Record<string, any>>;

/** The instance the flow works on; its tasks are held so the test decides when they end. */
export const FLOW_INSTANCE = "crs-sdkflow1";
/** A task the flow reads first. */
export const FLOW_TASK = { requestId: 11963, timeline: [{ status: 1 as const }], taskType: "FLOW_RESIZE", instanceId: "crs-other001" };

/** An emulator with the flow's task and instance. */
export function flowEmulator(): Promise<RunningEmulator> {
  return startEmulator({ tasks: [FLOW_TASK], instances: [{ instanceId: FLOW_INSTANCE, held: true }] });
}

/** Runs the flow through `call` and asserts each answer and the emulator's call counts. */
export async function runOfficialFlow(emulator: RunningEmulator, call: SdkCall): Promise<void> {
  expect(await call("DescribeTaskInfo", { TaskId: FLOW_TASK.requestId })).toMatchObject({ Status: "running", TaskType: "FLOW_RESIZE", InstanceId: "crs-other001" });

  const backup = await call("ManualBackupInstance", { InstanceId: FLOW_INSTANCE, Remark: "before the change" });
  expect(backup).toEqual(expect.objectContaining({ TaskId: expect.any(Number), RequestId: expect.any(String) }));
  expect(await call("DescribeTaskInfo", { TaskId: backup.TaskId })).toMatchObject({ Status: "running", TaskType: "FLOW_BACKUPINSTANCE", InstanceId: FLOW_INSTANCE });

  const params = { InstanceId: FLOW_INSTANCE, InstanceParams: [{ Key: "timeout", Value: "300" }] };
  const refused = await call("ModifyInstanceParams", params);
  expect(refused.Code).toBe("ResourceUnavailable.InstanceLockedError");
  expect(refused.Message).toContain(`task ${backup.TaskId}`);

  emulator.setTaskStatus(backup.TaskId, 2);
  expect(await call("DescribeTaskInfo", { TaskId: backup.TaskId })).toMatchObject({ Status: "succeed" });
  const accepted = await call("ModifyInstanceParams", params);
  expect(accepted).toMatchObject({ Changed: true, TaskId: backup.TaskId + 1 });

  expect(await call("ManualBackupInstance", { InstanceId: "crs-nothere1" })).toMatchObject({ Code: "ResourceNotFound.InstanceNotExists" });
  expect(emulator.stats().byAction).toEqual({ DescribeTaskInfo: 3, ManualBackupInstance: 2, ModifyInstanceParams: 2 });
}
