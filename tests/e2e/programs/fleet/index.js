// A fleet: `count` TaskWaits on tasks firstId, firstId+1, …, at the package's default poll settings.
const pulumi = require("@pulumi/pulumi");
const { TaskWait } = require("pulumi-tencentcloud-redis-task");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const firstId = config.requireNumber("firstId");
const gates = Array.from({ length: count }, (_, i) => new TaskWait(`gate-${i}`, { requestId: firstId + i, timeout: config.get("timeout") ?? "10m" }));

exports.succeeded = pulumi.all(gates.map((gate) => gate.status)).apply((statuses) => statuses.filter((status) => status === 2).length);
exports.polls = pulumi.all(gates.map((gate) => gate.polls)).apply((polls) => polls.reduce((sum, n) => sum + n, 0));
