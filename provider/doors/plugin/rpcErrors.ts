/**
 * Errors as the engine reads them from a plugin: a gate that exists but is not ready travels as
 * `pulumirpc.ErrorResourceInitFailed` in `grpc-status-details-bin`, so the engine records the
 * resource with its outputs and the next `pulumi up` updates it; any other error fails the step
 * with its message.
 */
import type { ServiceError } from "@grpc/grpc-js";
import { rpc } from "./rpc";
import { TaskWaitPartialFailure } from "../../resources/taskWait/outcome";

/** The gRPC error the engine gets for `error`. */
export function toServiceError(error: unknown): Partial<ServiceError> {
  const { grpc, provider, status: statusproto, struct, any } = rpc();
  const message = error instanceof Error ? error.message : String(error);
  const metadata = new grpc.Metadata();
  if (error instanceof TaskWaitPartialFailure) {
    const detail = new provider.ErrorResourceInitFailed();
    detail.setId(error.id);
    detail.setProperties(struct.Struct.fromJavaScript(error.properties as never));
    detail.setReasonsList(error.reasons);
    const packed = new any.Any();
    packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusproto.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    status.addDetails(packed);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: message, metadata };
}
