/**
 * Scenario files: `{"tasks": [...], "instances"?: [...]}` JSON describing the tasks and instances
 * an emulator starts with.
 */
import { readFileSync } from "fs";
import { InputError } from "../api/errors";
import type { EmulatorInstance, EmulatorTask } from "./types";
import { validateTask } from "./validate";
import { validateInstance } from "./validateInstance";

/** What a scenario file declares; spread it into `startEmulator`'s options. */
export interface EmulatorScenario {
  tasks: EmulatorTask[];
  /** Empty when the file has no `instances`. */
  instances: EmulatorInstance[];
}

const scenarioFields = ["tasks", "instances"];

/** Validates each entry, prefixing errors with the file; two entries with one key is almost surely a copy-paste slip. */
function validateEntries<T>(values: unknown[], name: string, source: string, validate: (value: unknown, field: string) => T, key: (entry: T) => string | number, keyName: string): T[] {
  const seen = new Set<string | number>();
  return values.map((value, i) => {
    const field = `${name}[${i}]`;
    let entry: T;
    try {
      entry = validate(value, field);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.field, `${source}: ${error.message}`);
      throw error;
    }
    if (seen.has(key(entry))) {
      throw new InputError(`${field}.${keyName}`, `${source}: ${field}.${keyName} ${key(entry)} appears more than once`);
    }
    seen.add(key(entry));
    return entry;
  });
}

/**
 * Parses and validates a whole scenario: tasks and instances. `source` names the file in error
 * messages. Throws an {@link InputError} naming the field at fault.
 */
export function parseScenarioDocument(text: string, source = "scenario"): EmulatorScenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError("scenario", `${source}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data) || !Array.isArray((data as { tasks?: unknown }).tasks)) {
    throw new InputError("tasks", `${source}: expected an object {"tasks": [...], "instances"?: [...]} with a tasks array`);
  }
  const document = data as { tasks: unknown[]; instances?: unknown };
  const unknown = Object.keys(document).find((key) => !scenarioFields.includes(key));
  if (unknown) throw new InputError(unknown, `${source}: ${unknown} is not a scenario field (expected tasks, instances)`);
  if (document.instances !== undefined && !Array.isArray(document.instances)) {
    throw new InputError("instances", `${source}: instances must be an array of {"instanceId": "crs-…", "taskMs"?: 3000, "held"?: true, "fail"?: {"taskMessage": "…"}}`);
  }
  return {
    tasks: validateEntries(document.tasks, "tasks", source, validateTask, (task) => task.requestId, "requestId"),
    instances: validateEntries(document.instances ?? [], "instances", source, validateInstance, (instance) => instance.instanceId, "instanceId"),
  };
}

/** The tasks of a scenario (see {@link parseScenarioDocument} for its instances too). */
export function parseScenario(text: string, source = "scenario"): EmulatorTask[] {
  return parseScenarioDocument(text, source).tasks;
}

/** Reads and validates a scenario file; errors name the file and the field. */
export function loadScenarioDocument(path: string): EmulatorScenario {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError("scenario", `${path}: cannot read scenario file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseScenarioDocument(text, path);
}

/** The tasks of a scenario file (see {@link loadScenarioDocument} for its instances too). */
export function loadScenario(path: string): EmulatorTask[] {
  return loadScenarioDocument(path).tasks;
}
