/**
 * The engine's log, the one channel from a plugin to the CLI: the engine hides a plugin's
 * stdout and stderr, but shows `Engine.Log` messages, under the resource they name. Progress
 * lines of a wait go there.
 */
import { rpc } from "./rpc";

/** Sends one info message about the resource `urn`; an `ephemeral` one is a status message, left out of the diagnostics summary. */
export type EngineLog = (urn: string, message: string, options?: { ephemeral?: boolean }) => void;

/**
 * A log to the engine listening at `address`. A message the engine cannot take is dropped:
 * progress is a courtesy and must never fail an operation.
 */
export function engineLog(address: string): EngineLog {
  const { grpc, engine, engineMessages } = rpc();
  const client = new engine.EngineClient(address, grpc.credentials.createInsecure());
  return (urn, message, options) => {
    const request = new engineMessages.LogRequest();
    request.setSeverity(engineMessages.LogSeverity.INFO);
    request.setUrn(urn);
    request.setMessage(message);
    request.setEphemeral(options?.ephemeral === true);
    client.log(request, () => undefined);
  };
}
