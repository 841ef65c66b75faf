/**
 * The reference example, producer side: a Redis task's state read with `getTaskInfoOutput` (no
 * waiting) and exported, so other stacks can build on it through a StackReference.
 *
 *   pulumi config set requestId 11963
 *   pulumi up
 */
import * as pulumi from "@pulumi/pulumi";
import { getTaskInfoOutput } from "pulumi-tencentcloud-redis-task";

const config = new pulumi.Config();
const task = getTaskInfoOutput({
  requestId: config.require("requestId"),
  apiVersion: config.get("apiVersion") === "v3" ? "v3" : "v2",
});

export const requestId = task.requestId;
export const status = task.status;
export const statusText = task.statusText;
export const region = task.region;
export const instanceId = task.instanceId;
