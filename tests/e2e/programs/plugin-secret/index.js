// A plugin gate whose requestId is a secret that is not stack config (the CLI masks secret config
// in its output by itself): E2E_SECRET_REQUEST_ID, as a task ID read from a secret store would be.
const pulumi = require("@pulumi/pulumi");
const { TaskWait, getTaskInfoOutput } = require("pulumi-tencentcloud-redis-task/plugin");

const config = new pulumi.Config();
const secretId = process.env.E2E_SECRET_REQUEST_ID;
const requestId = secretId ? pulumi.secret(secretId) : config.requireNumber("requestId");

if (!config.getBoolean("onlyTaskInfo")) {
  const gate = new TaskWait("gate", {
    requestId,
    timeout: config.get("timeout") ?? "5m",
    minPollInterval: "200ms",
    maxPollInterval: "1s",
  });
  exports.status = gate.status;
}
if (config.getBoolean("readTaskInfo")) {
  exports.infoStatusText = getTaskInfoOutput({ requestId }).statusText;
}
