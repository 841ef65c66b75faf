/**
 * Control routes under `/_emulator/`, for tests and demos driving an emulator in another
 * process. They are never subject to faults, so a test can always switch faults off again.
 */
import { InputError } from "../api/errors";
import type { EmulatorFaults, EmulatorStats, EmulatorTask } from "./types";
import { validateTask } from "./validate";

/** The path prefix of every control route. */
export const CONTROL_PREFIX = "/_emulator/";

/** What the control routes act on. */
export interface ControlTarget {
  addTask(task: EmulatorTask): void;
  setFaults(faults: EmulatorFaults): void;
  faults(): EmulatorFaults;
  stats(): EmulatorStats;
}

/** A control answer: HTTP status and JSON body. */
export interface ControlAnswer {
  status: number;
  body: unknown;
}

function parseJson(body: string): unknown {
  if (body.trim() === "") return null;
  try {
    return JSON.parse(body);
  } catch {
    throw new InputError("body", "The body must be JSON");
  }
}

function attempt(run: () => ControlAnswer): ControlAnswer {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError) return { status: 400, body: { error: error.message, field: error.field } };
    throw error;
  }
}

/** Answers a control request, or returns undefined when no control route matches. */
export function handleControl(method: string, pathname: string, body: string, target: ControlTarget): ControlAnswer | undefined {
  const route = `${method} ${pathname}`;
  switch (route) {
    case "POST /_emulator/tasks":
      return attempt(() => {
        const task = validateTask(parseJson(body));
        target.addTask(task);
        return { status: 201, body: { requestId: task.requestId } };
      });
    case "GET /_emulator/stats":
      return { status: 200, body: target.stats() };
    case "GET /_emulator/faults":
      return { status: 200, body: target.faults() };
    case "POST /_emulator/faults":
      return attempt(() => {
        target.setFaults(parseJson(body) as EmulatorFaults);
        return { status: 200, body: target.faults() };
      });
    default:
      return undefined;
  }
}
