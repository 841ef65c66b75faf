// A user's program with many gates: `count` TaskWaits on tasks firstId, firstId + 1, …, at the
// package's default poll settings unless config sets them.
const pulumi = require("@pulumi/pulumi");
const { TaskWait } = require("pulumi-tencentcloud-redis-task");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const firstId = config.requireNumber("firstId");
const gates = Array.from(
  { length: count },
  (_, i) =>
    new TaskWait(`gate-${i}`, {
      requestId: firstId + i,
      timeout: config.get("timeout") ?? "10m",
      minPollInterval: config.get("minPollInterval"),
      maxPollInterval: config.get("maxPollInterval"),
    }),
);

exports.statuses = pulumi.all(gates.map((gate) => gate.status));
exports.succeeded = exports.statuses.apply((statuses) => statuses.filter((status) => status === 2).length);
exports.polls = pulumi.all(gates.map((gate) => gate.polls)).apply((polls) => polls.reduce((sum, n) => sum + (n ?? 0), 0));
