/**
 * The first Ctrl-C of `pulumi up` for dynamic resources. The engine then sends the provider
 * process a `Cancel` RPC and waits for operations in flight; the SDK's dynamic-provider host
 * answers that RPC without telling the provider, so a TaskWait would wait out its whole timeout.
 * The host's gRPC server is a Node HTTP/2 server in this very process: listening to its public
 * `stream` event for the Cancel method's path lets every wait in progress end at once, and the
 * TaskWait is then recorded as not ready, so the next `pulumi up` resumes it.
 *
 * Where no such server is found (the in-process engine, mocks, a future host), nothing is
 * installed and Ctrl-C behaves as the host makes it: the wait runs to its end.
 */
import { Server } from "net";
import { CANCEL_REASON, cancelWaitsInProgress } from "../../gate/cancellation";

/** The gRPC path of `pulumirpc.ResourceProvider/Cancel`. */
export const CANCEL_PATH = "/pulumirpc.ResourceProvider/Cancel";


const INSTALLED = "__pulumiTencentcloudRedisTaskCancelWatch";

type StreamListener = (stream: unknown, headers: Record<string, unknown>) => void;

/** HTTP/2 servers listening in this process: those with a `stream` listener (gRPC's). */
function http2Servers(): Server[] {
  // Undocumented but long-standing (Node 20 and 22); without it, no watch: see the file comment.
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.filter((handle): handle is Server => handle instanceof Server && handle.listenerCount("stream") > 0);
}

/**
 * Watches the provider host's server for the engine's Cancel, once per process. Returns whether a
 * server was found (false: Ctrl-C cannot end waits early here).
 */
export function watchHostCancel(): boolean {
  const slot = globalThis as unknown as Record<string, boolean | undefined>;
  if (slot[INSTALLED] !== undefined) return slot[INSTALLED]!;
  const servers = http2Servers();
  const onStream: StreamListener = (_stream, headers) => {
    if (headers[":path"] === CANCEL_PATH) cancelWaitsInProgress(CANCEL_REASON);
  };
  for (const server of servers) server.on("stream", onStream);
  slot[INSTALLED] = servers.length > 0;
  return slot[INSTALLED]!;
}
