"""One Redis API 3.0 call through the official Python SDK, pointed at an endpoint the way a user
points it at a private one. Prints the answer as JSON, or the SDK's error code and message.
Usage: redis_call.py ACTION '{"TaskId": 1}'  (ENDPOINT, TENCENTCLOUD_* from the environment).
Used by tests/clients/pythonSdk.test.ts against the emulator."""
import json
import os
import sys

from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.redis.v20180412 import models, redis_client

action, params = sys.argv[1], sys.argv[2]
http_profile = HttpProfile(protocol="http", endpoint=os.environ["ENDPOINT"])
client = redis_client.RedisClient(
    credential.Credential(os.environ["TENCENTCLOUD_SECRET_ID"], os.environ["TENCENTCLOUD_SECRET_KEY"]),
    os.environ["TENCENTCLOUD_REGION"],
    ClientProfile(httpProfile=http_profile),
)
request = getattr(models, action + "Request")()
request.from_json_string(params)
try:
    response = getattr(client, action)(request)
    print(response.to_json_string())
except TencentCloudSDKException as error:
    print(json.dumps({"Code": error.get_code(), "Message": error.get_message()}))
