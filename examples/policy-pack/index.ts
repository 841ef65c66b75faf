/**
 * An example policy pack: the package's four Redis task policies, composed as a team would.
 * Run it with `pulumi preview --policy-pack examples/policy-pack`; see README.md for config.
 */
import { PolicyPack } from "@pulumi/policy";
import { redisTaskPolicies } from "pulumi-tencentcloud-redis-task/policy";

new PolicyPack("tencentcloud-redis-task", {
  description: "Gates deployments on Tencent Cloud Redis tasks awaited by TaskWait resources.",
  policies: redisTaskPolicies(),
});
