/**
 * The engine's log, the one channel from a plugin to the CLI: the engine hides a plugin's
 * stdout and stderr, but shows `Engine.Log` messages, under the resource they name. Progress
 * lines of a wait go there.
 */
import { rpc } from "./rpc";

/** Sends one info message about the resource `urn`. */
export type EngineLog = (urn: string, message: string) => void;

/**
 * A log to the engine listening at `address`. A message the engine cannot take is dropped:
 * progress is a courtesy and must never fail an operation.
 */
export function engineLog(address: string): EngineLog {
  const { grpc, engine, engineMessages } = rpc();
  const client = new engine.EngineClient(address, grpc.credentials.createInsecure());
  return (urn, message) => {
    const request = new engineMessages.LogRequest();
    request.setSeverity(engineMessages.LogSeverity.INFO);
    request.setUrn(urn);
    request.setMessage(message);
    client.log(request, () => undefined);
  };
}
