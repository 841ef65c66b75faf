/**
 * What state stores as a TaskWait's provider: a stub whose methods `require()` the installed
 * package by name when called. The host serializes this object into every resource's state and
 * runs that text for later `update`, `refresh` and `delete`; because the text names the package
 * rather than capturing its code or an internal file path, state written by one version keeps
 * working after an upgrade. The literal `require("…")` inside each method is what makes the
 * serializer keep the name.
 *
 * `configure` only stashes the request on globalThis (the package applies it on its first call,
 * see `applyStashedConfigure`): the host configures every provider it loads, deletes included, so
 * a `configure` that required the package would make deleting a TaskWait need the package
 * installed. No `delete`: the host then deletes without a call, and so without the package.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";

/** The globalThis key `configure` stashes the request under; written literally in the stub below. */
export const CONFIGURE_SLOT = "__pulumiTencentcloudRedisTaskConfigure";

/* eslint-disable @typescript-eslint/no-require-imports */
export const taskWaitProviderStub: dynamic.ResourceProvider = {
  configure: async (r) => void ((globalThis as Record<string, unknown>).__pulumiTencentcloudRedisTaskConfigure = r),
  check: (o, n) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.check(o, n),
  diff: (i, o, n) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.diff(i, o, n),
  create: (n) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.create(n),
  read: (i, p) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.read(i, p),
  update: (i, o, n) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.update(i, o, n),
};

/** The same stub for InstanceIdle, calling `instanceIdleProvider`. */
export const instanceIdleProviderStub: dynamic.ResourceProvider = {
  configure: async (r) => void ((globalThis as Record<string, unknown>).__pulumiTencentcloudRedisTaskConfigure = r),
  check: (o, n) => require("pulumi-tencentcloud-redis-task").instanceIdleProvider.check(o, n),
  diff: (i, o, n) => require("pulumi-tencentcloud-redis-task").instanceIdleProvider.diff(i, o, n),
  create: (n) => require("pulumi-tencentcloud-redis-task").instanceIdleProvider.create(n),
  read: (i, p) => require("pulumi-tencentcloud-redis-task").instanceIdleProvider.read(i, p),
  update: (i, o, n) => require("pulumi-tencentcloud-redis-task").instanceIdleProvider.update(i, o, n),
};
