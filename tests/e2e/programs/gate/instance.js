// A user's program gating on an instance: an InstanceIdle on the instance named in config, and a
// resource that depends on it; optionally every task of the instance read into the outputs.
const pulumi = require("@pulumi/pulumi");
const { InstanceIdle, getInstanceTasksOutput } = require("pulumi-tencentcloud-redis-task");
const { Dependent } = require("./dependent");

const config = new pulumi.Config();
const instanceId = config.require("instanceId");
const idle = new InstanceIdle("idle", {
  instanceId,
  taskTypes: config.getObject("taskTypes"),
  failOn: config.get("failOn"),
  timeout: config.get("timeout"),
  minPollInterval: "200ms",
  maxPollInterval: "1s",
});
const dependent = new Dependent("after-idle", { label: "v1" }, { dependsOn: [idle] });

exports.idle = idle.idle;
exports.tasks = idle.tasks;
exports.polls = idle.polls;
exports.dependentCreatedAt = dependent.createdAt;
if (config.getBoolean("listTasks")) {
  const all = getInstanceTasksOutput({ instanceId });
  exports.totalCount = all.totalCount;
  exports.taskIds = all.tasks.apply((tasks) => tasks.map((task) => task.taskId));
}
