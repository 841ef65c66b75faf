/**
 * The gRPC runtime and the Pulumi protocol messages, loaded from the `@pulumi/pulumi` this package
 * finds (a peer dependency, so the user's), through that SDK's own dependencies: the generated
 * service definition and the messages must come from the same `@grpc/grpc-js` and
 * `google-protobuf` instances as the ones this code creates, and `@pulumi/pulumi` depends on both
 * however npm lays out `node_modules`.
 */
import { createRequire } from "module";
import type * as GrpcModule from "@grpc/grpc-js";
import type * as ProviderMessages from "@pulumi/pulumi/proto/provider_pb";
import type * as ProviderService from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as PluginMessages from "@pulumi/pulumi/proto/plugin_pb";
import type * as EngineService from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as EngineMessages from "@pulumi/pulumi/proto/engine_pb";
import type * as StatusMessages from "@pulumi/pulumi/proto/status_pb";
import type * as StructMessages from "google-protobuf/google/protobuf/struct_pb";
import type * as EmptyMessages from "google-protobuf/google/protobuf/empty_pb";
import type * as AnyMessages from "google-protobuf/google/protobuf/any_pb";

/** The modules the plugin's server and its engine log use. */
export interface Rpc {
  grpc: typeof GrpcModule;
  provider: typeof ProviderMessages;
  service: typeof ProviderService;
  plugin: typeof PluginMessages;
  engine: typeof EngineService;
  engineMessages: typeof EngineMessages;
  status: typeof StatusMessages;
  struct: typeof StructMessages;
  empty: typeof EmptyMessages;
  any: typeof AnyMessages;
}

/**
 * Where each module comes from, relative to the `@pulumi/pulumi` package. The release build
 * (scripts/dist) bundles the plugin into one file and turns this table into static requires.
 */
export const RPC_MODULES: Readonly<Record<keyof Rpc, string>> = {
  grpc: "@grpc/grpc-js",
  provider: "./proto/provider_pb",
  service: "./proto/provider_grpc_pb",
  plugin: "./proto/plugin_pb",
  engine: "./proto/engine_grpc_pb",
  engineMessages: "./proto/engine_pb",
  status: "./proto/status_pb",
  struct: "google-protobuf/google/protobuf/struct_pb",
  empty: "google-protobuf/google/protobuf/empty_pb",
  any: "google-protobuf/google/protobuf/any_pb",
};

let loaded: Rpc | undefined;

/** Loads the modules once per process. */
export function rpc(): Rpc {
  if (loaded) return loaded;
  const fromSdk = createRequire(require.resolve("@pulumi/pulumi/package.json"));
  loaded = Object.fromEntries(Object.entries(RPC_MODULES).map(([name, specifier]) => [name, fromSdk(specifier)])) as unknown as Rpc;
  return loaded;
}
