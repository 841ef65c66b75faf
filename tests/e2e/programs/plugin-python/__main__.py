"""A user's Python program: a gate on the task named in config, and a resource that depends on it."""
import pulumi
import pulumi_tencentcloud_redis_task as redis_task

config = pulumi.Config()
request_id = config.require_int("requestId")

gate = redis_task.TaskWait(
    "gate",
    request_id=request_id,
    api_version=config.get("apiVersion") or "v2",
    timeout=config.get("timeout") or "5m",
    min_poll_interval="200ms",
    max_poll_interval="1s",
)
after = redis_task.TaskWait(
    "after",
    request_id=config.require_int("afterRequestId"),
    opts=pulumi.ResourceOptions(depends_on=[gate]),
)
info = redis_task.get_task_info_output(request_id=request_id, api_version="v3")

pulumi.export("status", gate.status)
pulumi.export("statusText", gate.status_text)
pulumi.export("polls", gate.polls)
pulumi.export("completedAt", gate.completed_at)
pulumi.export("afterCompletedAt", after.completed_at)
pulumi.export("infoStatusText", info.status_text)
pulumi.export("infoInstanceId", info.instance_id)
