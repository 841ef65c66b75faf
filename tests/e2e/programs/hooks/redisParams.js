// A stand-in for the bridged tencentcloud provider's `tencentcloud.redis.Param`: its create calls
// API 3.0 ModifyInstanceParams (TC3-signed with this package's own signing code) and fails the way
// the bridged provider fails, `[TencentCloudSDKError] Code=…, Message=…, RequestId=…`.
const pulumi = require("@pulumi/pulumi");

const provider = {
  async configure(req) {
    // The stack config, secrets decrypted: the credentials never enter inputs or state.
    globalThis.standInConfig = {
      secretId: req.config.get("tencentcloud:secretId"),
      secretKey: req.config.get("tencentcloud:secretKey"),
      region: req.config.get("tencentcloud:region"),
    };
  },
  async create(inputs) {
    const { signTc3 } = require("pulumi-tencentcloud-redis-task");
    const { secretId, secretKey, region } = globalThis.standInConfig;
    const url = new URL(process.env.TENCENTCLOUD_REDIS_ENDPOINT);
    const body = JSON.stringify({ InstanceId: inputs.instanceId, InstanceParams: inputs.params });
    const timestamp = Math.floor(Date.now() / 1000);
    const contentType = "application/json; charset=utf-8";
    const { authorization } = signTc3({ secretId, secretKey, service: "redis", host: url.host, timestamp, contentType, body });
    const answer = await fetch(url.origin + "/", {
      method: "POST",
      headers: {
        "Content-Type": contentType,
        Authorization: authorization,
        "X-TC-Action": "ModifyInstanceParams",
        "X-TC-Version": "2018-04-12",
        "X-TC-Timestamp": String(timestamp),
        "X-TC-Region": region,
      },
      body,
    });
    const { Response: response } = await answer.json();
    if (response.Error) {
      throw new Error(`[TencentCloudSDKError] Code=${response.Error.Code}, Message=${response.Error.Message}, RequestId=${response.RequestId}`);
    }
    return { id: `${inputs.instanceId}#params`, outs: { ...inputs, taskId: response.TaskId } };
  },
};

class RedisParams extends pulumi.dynamic.Resource {
  constructor(name, args, opts) {
    super(provider, name, { ...args, taskId: undefined }, opts, "e2e", "RedisParams");
  }
}
module.exports = { RedisParams };
