// A DescribeTaskInfo call through the official Go SDK, pointed at an endpoint the way a user
// points it at a private one: prints the answer as JSON, or the SDK's error code and message.
// Used by tests/clients/goSdk.test.ts against the emulator.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	redis "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/redis/v20180412"
)

func main() {
	taskID, err := strconv.ParseUint(os.Getenv("TASK_ID"), 10, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "TASK_ID must be a task ID:", err)
		os.Exit(2)
	}
	credential := common.NewCredential(os.Getenv("TENCENTCLOUD_SECRET_ID"), os.Getenv("TENCENTCLOUD_SECRET_KEY"))
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Scheme = "HTTP"
	cpf.HttpProfile.Endpoint = os.Getenv("ENDPOINT")
	client, err := redis.NewClient(credential, os.Getenv("TENCENTCLOUD_REGION"), cpf)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	request := redis.NewDescribeTaskInfoRequest()
	request.TaskId = &taskID
	response, err := client.DescribeTaskInfo(request)
	out := json.NewEncoder(os.Stdout)
	if sdkErr, ok := err.(*errors.TencentCloudSDKError); ok {
		_ = out.Encode(map[string]string{"Code": sdkErr.GetCode(), "Message": sdkErr.GetMessage()})
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	_ = out.Encode(response.Response)
}
