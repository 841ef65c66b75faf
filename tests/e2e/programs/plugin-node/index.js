// A user's program using the provider plugin: a gate on the task named in config, and a resource that depends on it.
const pulumi = require("@pulumi/pulumi");
const { TaskWait, getTaskInfoOutput } = require("pulumi-tencentcloud-redis-task/plugin");

const config = new pulumi.Config();
const requestId = config.requireNumber("requestId");

const gate = new TaskWait("gate", {
  requestId,
  apiVersion: config.get("apiVersion") ?? "v2",
  timeout: config.get("timeout") ?? "5m",
  minPollInterval: "200ms",
  maxPollInterval: "1s",
});
const after = new TaskWait("after", { requestId: config.requireNumber("afterRequestId") }, { dependsOn: [gate] });
const info = getTaskInfoOutput({ requestId, apiVersion: "v3" });

exports.status = gate.status;
exports.statusText = gate.statusText;
exports.polls = gate.polls;
exports.completedAt = gate.completedAt;
exports.afterCompletedAt = after.completedAt;
exports.infoStatusText = info.statusText;
exports.infoInstanceId = info.instanceId;
