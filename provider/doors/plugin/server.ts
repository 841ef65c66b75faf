/**
 * The plugin's gRPC server, as every Pulumi plugin serves: on 127.0.0.1, a port of its own
 * choosing, which `main.ts` prints for the engine to dial.
 */
import { rpc } from "./rpc";
import { resourceProviderService } from "./service";

/** A listening server, and how to stop it. */
export interface PluginServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the `pulumirpc.ResourceProvider` service on `127.0.0.1:<port>` (0: any free port);
 * progress goes to the engine at `engineAddress` when given.
 */
export async function startPluginServer(engineAddress?: string, port = 0): Promise<PluginServer> {
  const { grpc, service } = rpc();
  // The engine sends whole states and schemas in one message; the SDK's hosts allow the same.
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(service.ResourceProviderService, resourceProviderService(engineAddress));
  const bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, actual) => (error ? reject(error) : resolve(actual))),
  );
  return {
    port: bound,
    close: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  };
}
