"""A user's Python program: Redis parameters changed by a stand-in for tencentcloud.redis.Param,
with the hooks chosen by stack config (`mode`: before | retry)."""
import pulumi
from pulumi.dynamic import CreateResult, Resource, ResourceProvider

from pulumi_tencentcloud_redis_task.hooks import instance_idle_hook, retry_on_instance_busy


class RedisParamsProvider(ResourceProvider):
    """Calls API 3.0 ModifyInstanceParams and fails as the bridged provider fails."""

    def create(self, props):
        import json, os, time, urllib.request
        from pulumi_tencentcloud_redis_task import _instance_tasks as t

        url = os.environ["TENCENTCLOUD_REDIS_ENDPOINT"].rstrip("/") + "/"
        host = urllib.request.urlparse(url).netloc
        body = json.dumps({"InstanceId": props["instanceId"], "InstanceParams": props["params"]}).encode()
        stamp = int(time.time())
        content_type = "application/json; charset=utf-8"
        auth = t.tc3_authorization(os.environ["TENCENTCLOUD_SECRET_ID"], os.environ["TENCENTCLOUD_SECRET_KEY"], host, "redis", stamp, body, content_type)
        headers = {"Content-Type": content_type, "Authorization": auth, "X-TC-Action": "ModifyInstanceParams", "X-TC-Version": "2018-04-12",
                   "X-TC-Timestamp": str(stamp), "X-TC-Region": os.environ["TENCENTCLOUD_REGION"]}
        with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers, method="POST")) as answer:
            response = json.loads(answer.read())["Response"]
        if "Error" in response:
            raise Exception(f"[TencentCloudSDKError] Code={response['Error']['Code']}, Message={response['Error']['Message']}, RequestId={response['RequestId']}")
        return CreateResult(id_=f"{props['instanceId']}#params", outs={**props, "taskId": response["TaskId"]})


class RedisParams(Resource):
    def __init__(self, name, instance_id, params, opts=None):
        super().__init__(RedisParamsProvider(), name, {"instanceId": instance_id, "params": params, "taskId": None}, opts)


config = pulumi.Config()
mode = config.require("mode")
options = {"timeout": config.get("hookTimeout") or "2m", "min_poll_interval": "200ms", "max_poll_interval": "500ms"}
hooks = (
    pulumi.ResourceHookBinding(before_create=[instance_idle_hook("redis-idle", **options)])
    if mode == "before"
    else pulumi.ResourceHookBinding(on_error=[retry_on_instance_busy("redis-busy", **options)])
)
params = RedisParams("params", config.require("instanceId"), [{"Key": "maxmemory-policy", "Value": "allkeys-lru"}], pulumi.ResourceOptions(hooks=hooks))
pulumi.export("taskId", params.taskId)
