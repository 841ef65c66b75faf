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

let loaded: Rpc | undefined;

/** Loads the modules once per process. */
export function rpc(): Rpc {
  if (loaded) return loaded;
  const fromSdk = createRequire(require.resolve("@pulumi/pulumi/package.json"));
  loaded = {
    grpc: fromSdk("@grpc/grpc-js"),
    provider: fromSdk("./proto/provider_pb"),
    service: fromSdk("./proto/provider_grpc_pb"),
    plugin: fromSdk("./proto/plugin_pb"),
    engine: fromSdk("./proto/engine_grpc_pb"),
    engineMessages: fromSdk("./proto/engine_pb"),
    status: fromSdk("./proto/status_pb"),
    struct: fromSdk("google-protobuf/google/protobuf/struct_pb"),
    empty: fromSdk("google-protobuf/google/protobuf/empty_pb"),
    any: fromSdk("google-protobuf/google/protobuf/any_pb"),
  };
  return loaded;
}
