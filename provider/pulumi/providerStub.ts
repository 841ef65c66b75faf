/**
 * What state stores as a TaskWait's provider: a stub whose methods `require()` the installed
 * package by name when called. The host serializes this object into every resource's state and
 * runs that text for later `update`, `refresh` and `delete`; because the text names the package
 * rather than capturing its code or an internal file path, state written by one version keeps
 * working after an upgrade. The literal `require("…")` inside each method is what makes the
 * serializer keep the name. No `delete`: the host then deletes without a call.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";

/* eslint-disable @typescript-eslint/no-require-imports */
export const taskWaitProviderStub: dynamic.ResourceProvider = {
  configure: (r) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.configure(r),
  check: (o, n) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.check(o, n),
  diff: (i, o, n) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.diff(i, o, n),
  create: (n) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.create(n),
  read: (i, p) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.read(i, p),
  update: (i, o, n) => require("pulumi-tencentcloud-redis-task").taskWaitProvider.update(i, o, n),
};
