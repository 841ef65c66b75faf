// A Go program using the SDK that `pulumi package add` generated into sdks/.
package main

import (
	redistask "github.com/tencentcloud-redis-task/pulumi-tencentcloud-redis-task/sdk/go/tencentcloudredistask"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		gate, err := redistask.NewTaskWait(ctx, "gate", &redistask.TaskWaitArgs{
			RequestId: pulumi.Int(config.New(ctx, "").RequireInt("requestId")),
		})
		if err != nil {
			return err
		}
		ctx.Export("status", gate.Status)
		return nil
	})
}
