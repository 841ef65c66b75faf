/**
 * Back up a Redis instance, wait for the backup to succeed, then change its parameters: the
 * backup's task ID comes from the official Node SDK (ManualBackupInstance, in `RedisBackup`), a
 * TaskWait gates on it, and the parameter change is created only after the gate, so never while
 * the backup runs (the service would refuse it) nor after a failed backup (`up` stops with the
 * task's message). See README.md beside this file.
 */
import * as pulumi from "@pulumi/pulumi";
import { TaskWait } from "pulumi-tencentcloud-redis-task";
import { RedisBackup, RedisParamChange } from "./redisOperations";

const config = new pulumi.Config();
const instanceId = config.require("instanceId");

const backup = new RedisBackup("backup", { instanceId, remark: config.get("remark") ?? "before a parameter change (backup-gate example)" });

const gate = new TaskWait("backup-gate", {
  requestId: backup.taskId,
  // The backup's task comes from API 3.0; read it there, with its TaskMessage on failure.
  apiVersion: "v3",
  timeout: config.get("timeout") ?? "30m",
});

const change = new RedisParamChange(
  "param-change",
  { instanceId, params: config.requireObject<Record<string, string>>("params"), afterBackupTask: gate.requestId },
  { dependsOn: [gate] },
);

export const backupTaskId = backup.taskId;
export const backupStatus = gate.statusText;
export const backupCompletedAt = gate.completedAt;
export const paramChangeTaskId = change.taskId;
