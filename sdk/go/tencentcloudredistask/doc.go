// Gate Pulumi deployments on Tencent Cloud Redis asynchronous tasks (DescribeTaskInfo): a TaskWait resource that exists only once its task succeeded, and a getTaskInfo function.
package tencentcloudredistask
