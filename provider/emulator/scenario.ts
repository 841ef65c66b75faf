/** Scenario files: `{"tasks": [...]}` JSON describing the tasks an emulator starts with. */
import { readFileSync } from "fs";
import { InputError } from "../api/errors";
import type { EmulatorTask } from "./types";
import { validateTask } from "./validate";

/**
 * Parses and validates scenario text. `source` names the file in error messages. Throws an
 * {@link InputError} naming the field at fault.
 */
export function parseScenario(text: string, source = "scenario"): EmulatorTask[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError("scenario", `${source}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data) || !Array.isArray((data as { tasks?: unknown }).tasks)) {
    throw new InputError("tasks", `${source}: expected an object {"tasks": [...]} with a tasks array`);
  }
  const seen = new Set<number>();
  return (data as { tasks: unknown[] }).tasks.map((value, i) => {
    const field = `tasks[${i}]`;
    let task: EmulatorTask;
    try {
      task = validateTask(value, field);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.field, `${source}: ${error.message}`);
      throw error;
    }
    // Two entries for one ID is almost surely a copy-paste slip; the later one would win silently.
    if (seen.has(task.requestId)) {
      throw new InputError(`${field}.requestId`, `${source}: ${field}.requestId ${task.requestId} appears more than once`);
    }
    seen.add(task.requestId);
    return task;
  });
}

/** Reads and validates a scenario file (`{"tasks": [...]}`); errors name the file and the field. */
export function loadScenario(path: string): EmulatorTask[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError("scenario", `${path}: cannot read scenario file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseScenario(text, path);
}
