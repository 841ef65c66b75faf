/** An explicit instance of the `tencentcloud-redis-task` provider plugin, e.g. for a second account or region. */
import * as pulumi from "@pulumi/pulumi";
import { PLUGIN_PACKAGE } from "../plugin/tokens";
import { pinned } from "./schemaInputs";

/** The provider's arguments; each falls back to stack config `tencentcloud-redis-task:*`, then the environment. */
export interface ProviderArgs {
  /** Region of the tasks, e.g. `ap-guangzhou` (`TENCENTCLOUD_REGION`). */
  region?: pulumi.Input<string>;
  /** SecretId of the API key (`TENCENTCLOUD_SECRET_ID`). */
  secretId?: pulumi.Input<string>;
  /** SecretKey of the API key (`TENCENTCLOUD_SECRET_KEY`); always stored as a secret. */
  secretKey?: pulumi.Input<string>;
  /** Token of temporary credentials (`TENCENTCLOUD_SECURITY_TOKEN`); always stored as a secret. */
  securityToken?: pulumi.Input<string>;
  /** Base URL instead of the public API (`TENCENTCLOUD_REDIS_ENDPOINT`). */
  endpoint?: pulumi.Input<string>;
  /** DescribeTaskInfo calls per second for this provider's waits (`TENCENTCLOUD_REDIS_RATE_LIMIT`, default 10). */
  rateLimitPerSecond?: pulumi.Input<number>;
}

/** Pass as `{ provider }` to a {@link TaskWait} or `getTaskInfo` to use these settings. */
export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs = {}, opts: pulumi.ResourceOptions = {}) {
    const secretKey = args.secretKey === undefined ? undefined : pulumi.secret(args.secretKey);
    const securityToken = args.securityToken === undefined ? undefined : pulumi.secret(args.securityToken);
    super(PLUGIN_PACKAGE, name, { ...args, secretKey, securityToken }, pinned(opts));
  }
}
