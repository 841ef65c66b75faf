/**
 * The per-instance control routes: `GET /_emulator/instances/{id}/listings` (how often its task
 * list was read) and `GET …/listings?atLeast=N&timeoutMs=T`, which answers once it was listed N
 * times (408 after T ms, default 120 000): an instance gate's polls as an event.
 */
import { InputError } from "../api/errors";
import { positiveInteger, type ControlAnswer, type ControlTarget } from "./control";

const INSTANCE_ROUTE = /^\/_emulator\/instances\/([A-Za-z0-9-]{1,64})\/listings$/;

/** Answers an instance route, or undefined when none matches. */
export function handleInstanceRoute(method: string, url: URL, target: ControlTarget): ControlAnswer | Promise<ControlAnswer> | undefined {
  const match = INSTANCE_ROUTE.exec(url.pathname);
  if (!match || method !== "GET") return undefined;
  const instanceId = match[1];
  if (!url.searchParams.has("atLeast")) return { status: 200, body: target.listingState(instanceId) };
  let atLeast: number, timeoutMs: number;
  try {
    atLeast = positiveInteger(url.searchParams.get("atLeast"), "atLeast", 1);
    timeoutMs = positiveInteger(url.searchParams.get("timeoutMs"), "timeoutMs", 120_000);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { status: 400, body: { error: error.message, field: error.field } };
  }
  return target.waitForListings(instanceId, atLeast, timeoutMs).then(
    (state) => ({ status: 200, body: state }),
    (error: Error) => ({ status: 408, body: { error: error.message } }),
  );
}
