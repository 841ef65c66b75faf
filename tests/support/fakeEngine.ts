/**
 * The part of the Pulumi engine a provider plugin calls back: the `Engine` service's `Log`, which
 * records every message so tests can read what the CLI would show under each resource.
 */
import * as path from "path";

/** One `Engine.Log` call. */
export interface LoggedMessage {
  urn: string;
  message: string;
  severity: number;
}

/** A listening fake engine. */
export interface FakeEngine {
  address: string;
  messages: LoggedMessage[];
  close(): Promise<void>;
}

/** Starts the fake engine with the gRPC modules of `projectDir`'s SDK. */
export async function startFakeEngine(projectDir: string): Promise<FakeEngine> {
  const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [projectDir] }));
  const grpc = require(require.resolve("@grpc/grpc-js", { paths: [sdk] }));
  const service = require(path.join(sdk, "proto", "engine_grpc_pb"));
  const empty = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [sdk] }));
  const messages: LoggedMessage[] = [];
  const server = new grpc.Server();
  server.addService(service.EngineService, {
    log: (call: any, callback: any) => {
      messages.push({ urn: call.request.getUrn(), message: call.request.getMessage(), severity: call.request.getSeverity() });
      callback(null, new empty.Empty());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error: Error | null, bound: number) => (error ? reject(error) : resolve(bound))),
  );
  return {
    address: `127.0.0.1:${port}`,
    messages,
    close: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  };
}
