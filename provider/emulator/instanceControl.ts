/**
 * Control routes for instances: `POST /_emulator/instances` declares one (body as a scenario's
 * `instances` entry; 201 `{"instanceId": …}`), `GET /_emulator/instances/{id}/tasks` lists its
 * tasks (`[{"requestId", "taskType", "status"}]`, oldest first; 404 for an unknown instance).
 */
import { InputError } from "../api/errors";
import type { ControlAnswer } from "./control";
import type { EmulatorInstance, EmulatorInstanceTask } from "./types";
import { validateInstance } from "./validateInstance";

/** What the instance routes act on. */
export interface InstanceControlTarget {
  addInstance(instance: EmulatorInstance): void;
  instanceTasks(instanceId: string): EmulatorInstanceTask[];
}

const TASKS_ROUTE = /^\/_emulator\/instances\/([^/]+)\/tasks$/;

/** Answers an instance route, or returns undefined when none matches. `parse` reads the JSON body. */
export function handleInstanceRoute(method: string, url: URL, parse: () => unknown, target: InstanceControlTarget): ControlAnswer | undefined {
  const answer = (run: () => ControlAnswer): ControlAnswer => {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { status: error.field === "instanceId" && method === "GET" ? 404 : 400, body: { error: error.message, field: error.field } };
    }
  };
  if (method === "POST" && url.pathname === "/_emulator/instances") {
    return answer(() => {
      const instance = validateInstance(parse());
      target.addInstance(instance);
      return { status: 201, body: { instanceId: instance.instanceId } };
    });
  }
  const match = TASKS_ROUTE.exec(url.pathname);
  if (method === "GET" && match) return answer(() => ({ status: 200, body: target.instanceTasks(decodeURIComponent(match[1])) }));
  return undefined;
}
