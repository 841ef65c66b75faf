/**
 * A gate that did not become ready (timeout, Ctrl-C) is recorded rather than failed: the error
 * carries the resource's ID and outputs, which the engine records as created but not initialized,
 * so the next `pulumi up` calls `update` and the wait resumes.
 */
import type { Props } from "./core";

/** How a gate that did not become ready is described, and what the user does next. */
export const NOT_READY = "The resource is recorded as not ready; the next `pulumi up` resumes the wait";

/** The key under which the dynamic host keeps the serialized provider in every resource's properties. */
const PROVIDER_KEY = "__provider";

/** A partial failure as the hosts recognize it: the resource exists (id, properties) but did not become ready. */
export class GatePartialFailure extends Error {
  constructor(
    message: string,
    readonly id: string,
    readonly properties: Props,
    readonly reasons: string[],
  ) {
    super(message);
    this.name = "TaskWaitPartialFailure";
  }
}

/** Drops undefined fields: protobuf Structs cannot carry them. */
export function defined(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
}

/** The partial failure recording `outs` (and the dynamic host's serialized provider from `raw`) under `id`. */
export function notReady(message: string, id: string, outs: Props, raw: Props): GatePartialFailure {
  return new GatePartialFailure(message, id, defined({ ...outs, [PROVIDER_KEY]: raw[PROVIDER_KEY] }), [message]);
}
