// A user's program: a TaskWait on the task named in config, and a resource that depends on it.
const pulumi = require("@pulumi/pulumi");
const { TaskWait, getTaskInfoOutput } = require("pulumi-tencentcloud-redis-task");
const { Dependent } = require("./dependent");

const config = new pulumi.Config();
// `instanceId` set: the same project gates on an instance instead (instance.js), sharing dependent.js.
if (config.get("instanceId")) {
  module.exports = require("./instance");
  return;
}
// E2E_SECRET_REQUEST_ID: a secret that is neither in stack config (which the CLI masks in its
// output by itself) nor in state, as a task ID read from a secret store would be.
const requestId = process.env.E2E_SECRET_REQUEST_ID
  ? pulumi.secret(process.env.E2E_SECRET_REQUEST_ID)
  : config.getBoolean("secretRequestId")
    ? config.requireSecret("requestId")
    : config.require("requestId");
// `defaultPollIntervals` leaves both intervals out, as a user deleting them from the program does.
const pollIntervals = config.getBoolean("defaultPollIntervals")
  ? {}
  : { minPollInterval: config.get("minPollInterval") ?? "200ms", maxPollInterval: config.get("maxPollInterval") ?? "1s" };

const gate = new TaskWait(
  "gate",
  {
    requestId,
    apiVersion: config.get("apiVersion"),
    timeout: config.get("timeout"),
    ...pollIntervals,
    endpoint: config.get("endpoint"),
  },
  {
    customTimeouts: config.get("customCreateTimeout") ? { create: config.get("customCreateTimeout") } : undefined,
    ignoreChanges: config.getObject("ignoreChanges"),
  },
);
const dependent = new Dependent("after-gate", { label: config.get("label") ?? "v1" }, { dependsOn: [gate] });

exports.status = gate.status;
exports.statusText = gate.statusText;
exports.polls = gate.polls;
exports.completedAt = gate.completedAt;
exports.taskType = gate.taskType;
exports.dependentCreatedAt = dependent.createdAt;
if (config.getBoolean("readTaskInfo")) {
  const info = getTaskInfoOutput({ requestId, apiVersion: "v3" });
  exports.infoStatusText = info.statusText;
  exports.infoInstanceId = info.instanceId;
}
