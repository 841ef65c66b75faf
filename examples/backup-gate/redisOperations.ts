/**
 * Two Redis operations as small dynamic resources, each a call through Tencent's official Node SDK
 * (`tencentcloud-sdk-nodejs`) that answers a task ID: `RedisBackup` (ManualBackupInstance) and
 * `RedisParamChange` (ModifyInstanceParams). Settings come the way TaskWait reads them: stack
 * config `tencentcloud:*` (handed over in `configure`, so the secret key never enters inputs or
 * state), then the `TENCENTCLOUD_*` variables; `TENCENTCLOUD_REDIS_ENDPOINT` points the SDK at
 * the emulator. A dynamic resource rather than `@pulumi/command`: the task ID comes back as a
 * typed output without parsing a CLI's output, and no secret crosses a command line.
 */
import * as pulumi from "@pulumi/pulumi";

/** Where `configure` leaves the stack config for the methods (the provider is serialized: no module state survives). */
const CONFIG_SLOT = "__redisBackupGateConfig";

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Calls one Redis API 3.0 action through the official SDK; built per call, inside the provider
 * methods, because the provider is serialized into state and an SDK client cannot be.
 */
async function callRedis(action: "ManualBackupInstance" | "ModifyInstanceParams", params: Record<string, unknown>): Promise<{ TaskId: number; RequestId: string }> {
  const config = (globalThis as Record<string, unknown>)[CONFIG_SLOT] as { get(key: string): string | undefined } | undefined;
  const { resolveClientSettings } = require("pulumi-tencentcloud-redis-task");
  const settings = resolveClientSettings({ apiVersion: "v3" }, config ? (key: string) => config.get(key) : undefined);
  const endpoint = settings.endpoint ? new URL(settings.endpoint) : undefined;
  const { redis } = require("tencentcloud-sdk-nodejs/tencentcloud/services/redis");
  const client = new redis.v20180412.Client({
    credential: { secretId: settings.secretId, secretKey: settings.secretKey, token: settings.token },
    region: settings.region,
    profile: endpoint ? { httpProfile: { protocol: `${endpoint.protocol}//`, endpoint: endpoint.host } } : {},
  });
  try {
    return await client[action](params);
  } catch (error) {
    // The SDK's error carries the API's code and message; name the call and the instance too.
    const { code, message, requestId } = error as { code?: string; message?: string; requestId?: string };
    throw new Error(`${action} on ${String(params.InstanceId)} failed: ${code ?? "error"}: ${message}${requestId ? ` (RequestId ${requestId})` : ""}`);
  }
}

function operationProvider(start: (inputs: any) => Promise<{ TaskId: number; RequestId: string }>): pulumi.dynamic.ResourceProvider {
  return {
    async configure(req) {
      (globalThis as Record<string, unknown>)[CONFIG_SLOT] = req.config;
    },
    // An operation happens once: any change of its inputs is a new operation.
    async diff(_id, olds, news) {
      const replaces = Object.keys(news).filter((key) => key !== "__provider" && JSON.stringify(olds[key]) !== JSON.stringify(news[key]));
      return { changes: replaces.length > 0, replaces };
    },
    async create(inputs) {
      const { TaskId, RequestId } = await start(inputs);
      return { id: `${inputs.instanceId}/task/${TaskId}`, outs: { ...inputs, taskId: TaskId, requestId: RequestId } };
    },
  };
}

const backupProvider = operationProvider((inputs) => callRedis("ManualBackupInstance", { InstanceId: inputs.instanceId, Remark: inputs.remark }));
const paramChangeProvider = operationProvider((inputs) =>
  callRedis("ModifyInstanceParams", {
    InstanceId: inputs.instanceId,
    InstanceParams: Object.entries(inputs.params as Record<string, string>).map(([Key, Value]) => ({ Key, Value })),
  }),
);

/** A manual backup of a Redis instance; `taskId` is the backup's task, for a TaskWait to gate on. */
export class RedisBackup extends pulumi.dynamic.Resource {
  /** The backup's task ID (DescribeTaskInfo `TaskId`). */
  declare readonly taskId: pulumi.Output<number>;

  constructor(name: string, args: { instanceId: pulumi.Input<string>; remark?: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super(backupProvider, name, { remark: "", ...args, taskId: undefined, requestId: undefined }, opts, "redis-backup-gate", "RedisBackup");
  }
}

/** A change of instance parameters (ModifyInstanceParams); refused by the service while another task locks the instance. */
export class RedisParamChange extends pulumi.dynamic.Resource {
  /** The change's own task ID. */
  declare readonly taskId: pulumi.Output<number>;
  /** The backup task this change waited for (an input, kept in state to show the order). */
  declare readonly afterBackupTask: pulumi.Output<number>;

  constructor(
    name: string,
    args: { instanceId: pulumi.Input<string>; params: pulumi.Input<Record<string, string>>; afterBackupTask: pulumi.Input<number> },
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(paramChangeProvider, name, { ...args, taskId: undefined, requestId: undefined }, opts, "redis-backup-gate", "RedisParamChange");
  }
}
