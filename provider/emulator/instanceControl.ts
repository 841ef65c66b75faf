/**
 * The per-instance control routes:
 * - `POST /_emulator/instances` declares an instance (body as a scenario's `instances` entry;
 *   201 `{"instanceId": …}`);
 * - `GET /_emulator/instances/{id}/tasks` lists its tasks (`[{"requestId", "taskType", "status"}]`,
 *   oldest first; 404 for an unknown instance);
 * - `GET /_emulator/instances/{id}/listings` says how often its task list was read
 *   (DescribeTaskList), and `…/listings?atLeast=N&timeoutMs=T` answers once it was listed N times
 *   (408 after T ms, default 120 000): an instance gate's polls as an event.
 */
import { InputError } from "../api/errors";
import { positiveInteger, type ControlAnswer } from "./control";
import type { InstanceListingState } from "./listings";
import type { EmulatorInstance, EmulatorInstanceTask } from "./types";
import { validateInstance } from "./validateInstance";

/** What the instance routes act on. */
export interface InstanceControlTarget {
  addInstance(instance: EmulatorInstance): void;
  instanceTasks(instanceId: string): EmulatorInstanceTask[];
  listingState(instanceId: string): InstanceListingState;
  waitForListings(instanceId: string, atLeast: number, timeoutMs?: number): Promise<InstanceListingState>;
}

const INSTANCE_ROUTE = /^\/_emulator\/instances\/([^/]+)\/(tasks|listings)$/;

/** An InputError as a control answer: an unknown instance read by GET is a missing resource. */
function inputErrorAnswer(error: unknown, method: string): ControlAnswer {
  if (!(error instanceof InputError)) throw error;
  return { status: error.field === "instanceId" && method === "GET" ? 404 : 400, body: { error: error.message, field: error.field } };
}

function attempt(method: string, run: () => ControlAnswer): ControlAnswer {
  try {
    return run();
  } catch (error) {
    return inputErrorAnswer(error, method);
  }
}

/** `…/listings`: the count now, or once it reaches `atLeast`. */
function listings(url: URL, instanceId: string, target: InstanceControlTarget): ControlAnswer | Promise<ControlAnswer> {
  if (!url.searchParams.has("atLeast")) return { status: 200, body: target.listingState(instanceId) };
  let atLeast: number, timeoutMs: number;
  try {
    atLeast = positiveInteger(url.searchParams.get("atLeast"), "atLeast", 1);
    timeoutMs = positiveInteger(url.searchParams.get("timeoutMs"), "timeoutMs", 120_000);
  } catch (error) {
    return inputErrorAnswer(error, "query");
  }
  return target.waitForListings(instanceId, atLeast, timeoutMs).then(
    (state) => ({ status: 200, body: state }),
    (error: Error) => ({ status: 408, body: { error: error.message } }),
  );
}

/** Answers an instance route, or returns undefined when none matches. `parse` reads the JSON body. */
export function handleInstanceRoute(
  method: string,
  url: URL,
  parse: () => unknown,
  target: InstanceControlTarget,
): ControlAnswer | Promise<ControlAnswer> | undefined {
  if (method === "POST" && url.pathname === "/_emulator/instances") {
    return attempt(method, () => {
      const instance = validateInstance(parse());
      target.addInstance(instance);
      return { status: 201, body: { instanceId: instance.instanceId } };
    });
  }
  const match = INSTANCE_ROUTE.exec(url.pathname);
  if (method !== "GET" || !match) return undefined;
  const instanceId = decodeURIComponent(match[1]);
  if (match[2] === "listings") return listings(url, instanceId, target);
  return attempt(method, () => ({ status: 200, body: target.instanceTasks(instanceId) }));
}
