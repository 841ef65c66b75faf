// A user's program: Redis parameters changed by a stand-in for `tencentcloud.redis.Param`, with the
// hooks chosen by stack config (`mode`: before | retry | after).
const pulumi = require("@pulumi/pulumi");
const { instanceIdleHook, retryOnInstanceBusy } = require("pulumi-tencentcloud-redis-task");
const { RedisParams } = require("./redisParams");

const config = new pulumi.Config();
const mode = config.require("mode");
const hookOptions = { timeout: config.get("hookTimeout") ?? "2m", minPollInterval: "200ms", maxPollInterval: "500ms" };
const hooks = {
  before: () => ({ beforeCreate: [instanceIdleHook("redis-idle", hookOptions)] }),
  retry: () => ({ onError: [retryOnInstanceBusy("redis-busy", hookOptions)] }),
  after: () => ({ afterCreate: [instanceIdleHook("redis-settled", { ...hookOptions, after: true })] }),
}[mode]();

const params = new RedisParams(
  "params",
  { instanceId: config.require("instanceId"), params: config.getObject("params") ?? [{ Key: "maxmemory-policy", Value: "allkeys-lru" }] },
  { hooks },
);
exports.taskId = params.taskId;
