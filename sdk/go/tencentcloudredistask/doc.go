// Gate Pulumi deployments on Tencent Cloud Redis asynchronous tasks (DescribeTaskInfo): a TaskWait resource that exists only once its task succeeded, a getTaskInfo function, an InstanceIdle resource that exists once a Redis instance has no task running (DescribeTaskList), and a getInstanceTasks function.
package tencentcloudredistask
