/**
 * Control routes under `/_emulator/`, for tests and demos driving an emulator in another
 * process. They are never subject to faults, so a test can always switch faults off again.
 */
import { InputError } from "../api/errors";
import { isTaskStatusCode, type TaskStatusCode } from "../api/status";
import { handleInstanceRoute, type InstanceControlTarget } from "./instanceControl";
import type { EmulatorFaults, EmulatorStats, EmulatorTask, EmulatorTaskState } from "./types";
import { validateTask } from "./validate";

/** The path prefix of every control route. */
export const CONTROL_PREFIX = "/_emulator/";

/** What the control routes act on. */
export interface ControlTarget extends InstanceControlTarget {
  addTask(task: EmulatorTask): void;
  setFaults(faults: EmulatorFaults): void;
  faults(): EmulatorFaults;
  stats(): EmulatorStats;
  holdTask(requestId: number): EmulatorTaskState;
  releaseTask(requestId: number): EmulatorTaskState;
  setTaskStatus(requestId: number, status: TaskStatusCode, taskMessage?: string): EmulatorTaskState;
  taskState(requestId: number): EmulatorTaskState;
  waitForQueries(requestId: number, atLeast: number, timeoutMs?: number): Promise<EmulatorTaskState>;
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

function inputErrorAnswer(error: unknown): ControlAnswer {
  if (!(error instanceof InputError)) throw error;
  // An unknown task ID is a missing resource, not a malformed request.
  return { status: error.field === "requestId" ? 404 : 400, body: { error: error.message, field: error.field } };
}

function attempt(run: () => ControlAnswer): ControlAnswer {
  try {
    return run();
  } catch (error) {
    return inputErrorAnswer(error);
  }
}

function statusBody(value: unknown): { status: TaskStatusCode; taskMessage?: string } {
  const body = value as { status?: unknown; taskMessage?: unknown } | null;
  if (typeof body !== "object" || body === null || !isTaskStatusCode(body.status)) {
    throw new InputError("status", `The body must be like {"status": 2}, status one of -1, 0, 1, 2, 3; got ${JSON.stringify(value)}`);
  }
  if (body.taskMessage !== undefined && typeof body.taskMessage !== "string") {
    throw new InputError("taskMessage", `taskMessage must be a string; got ${JSON.stringify(body.taskMessage)}`);
  }
  return { status: body.status, taskMessage: body.taskMessage as string | undefined };
}

export function positiveInteger(text: string | null, field: string, fallback: number): number {
  if (text === null) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new InputError(field, `${field} must be a positive integer; got ${JSON.stringify(text)}`);
  return n;
}

const TASK_ROUTE = /^\/_emulator\/tasks\/(\d+)(?:\/(hold|release|status|queries))?$/;

/**
 * The per-task clock routes: `GET /_emulator/tasks/{id}` (its state), `POST …/hold`, `POST …/release`,
 * `POST …/status` `{"status": 2, "taskMessage"?: "…"}`, and `GET …/queries?atLeast=N&timeoutMs=T`,
 * which answers once the task has been queried N times (408 after T ms, default 120 000).
 */
function handleTaskRoute(method: string, url: URL, body: string, target: ControlTarget): ControlAnswer | Promise<ControlAnswer> | undefined {
  const match = TASK_ROUTE.exec(url.pathname);
  if (!match) return undefined;
  const id = Number(match[1]);
  const route = `${method} ${match[2] ?? ""}`;
  switch (route) {
    case "GET ":
      return attempt(() => ({ status: 200, body: target.taskState(id) }));
    case "POST hold":
      return attempt(() => ({ status: 200, body: target.holdTask(id) }));
    case "POST release":
      return attempt(() => ({ status: 200, body: target.releaseTask(id) }));
    case "POST status":
      return attempt(() => {
        const { status, taskMessage } = statusBody(parseJson(body));
        return { status: 200, body: target.setTaskStatus(id, status, taskMessage) };
      });
    case "GET queries": {
      let atLeast: number, timeoutMs: number;
      try {
        atLeast = positiveInteger(url.searchParams.get("atLeast"), "atLeast", 1);
        timeoutMs = positiveInteger(url.searchParams.get("timeoutMs"), "timeoutMs", 120_000);
        target.taskState(id);
      } catch (error) {
        return inputErrorAnswer(error);
      }
      return target.waitForQueries(id, atLeast, timeoutMs).then(
        (state) => ({ status: 200, body: state }),
        (error: Error) => ({ status: 408, body: { error: error.message } }),
      );
    }
    default:
      return undefined;
  }
}

/** Answers a control request, or returns undefined when no control route matches. */
export function handleControl(method: string, url: URL, body: string, target: ControlTarget): ControlAnswer | Promise<ControlAnswer> | undefined {
  const route = `${method} ${url.pathname}`;
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
      return handleTaskRoute(method, url, body, target) ?? handleInstanceRoute(method, url, () => parseJson(body), target);
  }
}
