/** What the API commands (`status`, `wait`) share: flag parsing into a task ID and client settings. */
import { parseArgs, type ParseArgsConfig } from "util";
import { resolveClientSettings } from "../api/settings";
import type { ClientSettings } from "../api/types";
import { parseApiVersion, parseEndpoint, parseRegion, parseRequestId } from "../input/fields";
import { UsageError } from "./usage";

const apiOptions = {
  region: { type: "string" },
  endpoint: { type: "string" },
  api: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

/** The parsed command line of an API command. */
export interface ApiCommandLine<Extra> {
  help: boolean;
  json: boolean;
  requestId: number;
  /** The positional argument as given (an instance ID for the instance commands). */
  subject: string;
  /** Builds settings from flags and the environment; throws when credentials are missing. */
  settings: () => ClientSettings;
  extra: Extra;
}

/**
 * Parses `<requestId> [--region R] [--endpoint URL] [--api v2|v3] [--json]` plus the command's own
 * string options. Throws {@link UsageError} or {@link InputError} (both exit 2).
 */
export function parseApiCommand<K extends string>(
  argv: string[],
  extraStringOptions: readonly K[] = [],
  env: NodeJS.ProcessEnv = process.env,
  subject: { name: string; parse: (value: string) => unknown; defaultApi?: "v2" | "v3" } = { name: "requestId", parse: (v) => parseRequestId(v) },
): ApiCommandLine<Partial<Record<K, string>>> {
  const options: ParseArgsConfig["options"] = { ...apiOptions };
  for (const name of extraStringOptions) options[name] = { type: "string" };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const help = values.help === true;
  if (help) return { help, json: false, requestId: 0, subject: "", settings: () => { throw new Error("help"); }, extra: {} };
  if (parsed.positionals.length !== 1) {
    throw new UsageError(`expected exactly one <${subject.name}>, got ${parsed.positionals.length}`);
  }
  const parsedSubject = subject.parse(parsed.positionals[0]);
  const requestId = typeof parsedSubject === "number" ? parsedSubject : 0;
  const region = parseRegion(values.region, "--region");
  const endpoint = parseEndpoint(values.endpoint, "--endpoint");
  const apiVersion = parseApiVersion(values.api, "--api") ?? subject.defaultApi;
  const extra: Partial<Record<K, string>> = {};
  for (const name of extraStringOptions) if (typeof values[name] === "string") extra[name] = values[name] as string;
  return {
    help,
    json: values.json === true,
    requestId,
    subject: parsed.positionals[0],
    settings: () => resolveClientSettings({ region, endpoint, apiVersion }, undefined, env),
    extra,
  };
}
