// A user's ES-module program: named imports of the package, which is CommonJS.
import * as pulumi from "@pulumi/pulumi";
import { TaskWait, getTaskInfoOutput, TaskStatus } from "pulumi-tencentcloud-redis-task";

const config = new pulumi.Config();
const requestId = config.require("requestId");

const gate = new TaskWait("gate", { requestId, minPollInterval: "200ms", maxPollInterval: "1s" });

export const status = gate.status;
export const succeeded = gate.status.apply((status) => status === TaskStatus.Succeeded);
export const infoStatusText = getTaskInfoOutput({ requestId }).statusText;
