// A user's program with many gates: `count` TaskWaits on the tasks firstRequestId, firstRequestId + 1, ...
const pulumi = require("@pulumi/pulumi");
const { TaskWait } = require("pulumi-tencentcloud-redis-task");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const firstRequestId = config.requireNumber("firstRequestId");

const gates = [];
for (let i = 0; i < count; i++) {
  gates.push(
    new TaskWait(`gate-${i}`, {
      requestId: firstRequestId + i,
      timeout: config.get("timeout"),
      minPollInterval: "200ms",
      maxPollInterval: "1s",
    }),
  );
}

exports.statuses = pulumi.all(gates.map((gate) => gate.status));
