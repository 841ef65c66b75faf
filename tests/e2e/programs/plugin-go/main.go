// A user's Go program: a gate on the task named in config, and a resource that depends on it.
package main

import (
	redistask "github.com/tencentcloud-redis-task/pulumi-tencentcloud-redis-task/sdk/go/tencentcloudredistask"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		conf := config.New(ctx, "")
		requestID := conf.RequireInt("requestId")
		apiVersion := conf.Get("apiVersion")
		if apiVersion == "" {
			apiVersion = "v2"
		}
		timeout := conf.Get("timeout")
		if timeout == "" {
			timeout = "5m"
		}
		gate, err := redistask.NewTaskWait(ctx, "gate", &redistask.TaskWaitArgs{
			RequestId:       pulumi.Int(requestID),
			ApiVersion:      pulumi.String(apiVersion),
			Timeout:         pulumi.String(timeout),
			MinPollInterval: pulumi.String("200ms"),
			MaxPollInterval: pulumi.String("1s"),
		})
		if err != nil {
			return err
		}
		after, err := redistask.NewTaskWait(ctx, "after", &redistask.TaskWaitArgs{
			RequestId: pulumi.Int(conf.RequireInt("afterRequestId")),
		}, pulumi.DependsOn([]pulumi.Resource{gate}))
		if err != nil {
			return err
		}
		info := redistask.GetTaskInfoOutput(ctx, redistask.GetTaskInfoOutputArgs{
			RequestId:  pulumi.Int(requestID),
			ApiVersion: pulumi.String("v3"),
		})
		ctx.Export("status", gate.Status)
		ctx.Export("statusText", gate.StatusText)
		ctx.Export("polls", gate.Polls)
		ctx.Export("completedAt", gate.CompletedAt)
		ctx.Export("afterCompletedAt", after.CompletedAt)
		ctx.Export("infoStatusText", info.StatusText())
		ctx.Export("infoInstanceId", info.InstanceId())
		return nil
	})
}
