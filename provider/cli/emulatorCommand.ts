/** `tencentcloud-redis-task emulator`: the local DescribeTaskInfo emulator as a long-running process. */
import { parseArgs } from "util";
import { loadScenarioDocument, startEmulator } from "../emulator";
import { parsePort } from "../input/fields";
import { ExitCode } from "./exitCodes";
import type { CommandIO } from "./io";
import { UsageError } from "./usage";

/** Help text of `emulator`. */
export const EMULATOR_HELP = `Usage: tencentcloud-redis-task emulator [options]

Serves DescribeTaskInfo (API 2.0 GET/POST /v2/index.php and API 3.0 POST /) on a local port,
verifying signatures as Tencent Cloud does. The first line on stdout is the base URL, e.g.
http://127.0.0.1:43121; request logs go to stderr. Runs until SIGINT or SIGTERM.

Options:
  --port N              port to listen on; 0 picks a free one (default 0)
  --host H              address to bind (default 127.0.0.1)
  --scenario FILE       JSON file {"tasks": [...], "instances"?: [...]}: tasks to serve, instances to start tasks on
  --secret-id ID        the accepted SecretId (default: Tencent's documented example pair)
  --secret-key KEY      the accepted SecretKey (give both or neither)
  --quiet               no request log on stderr
  -h, --help            show this help

Control endpoints: POST /_emulator/tasks (one task), POST /_emulator/faults, GET /_emulator/stats,
POST /_emulator/instances (one instance), GET /_emulator/instances/{id}/tasks.
`;

/** Runs the emulator until `stop` resolves (by default, SIGINT or SIGTERM). */
export async function runEmulator(argv: string[], io: CommandIO, stop?: Promise<unknown>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        scenario: { type: "string" },
        "secret-id": { type: "string" },
        "secret-key": { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(EMULATOR_HELP);
    return ExitCode.Ok;
  }
  if (Boolean(v["secret-id"]) !== Boolean(v["secret-key"])) {
    throw new UsageError("give --secret-id and --secret-key together, or neither");
  }
  const emulator = await startEmulator({
    port: v.port === undefined ? 0 : parsePort(v.port, "--port"),
    host: v.host ?? "127.0.0.1",
    ...(v.scenario ? loadScenarioDocument(v.scenario) : {}),
    credentials: v["secret-id"] ? [{ secretId: v["secret-id"], secretKey: v["secret-key"]! }] : undefined,
    log: v.quiet ? undefined : (line) => io.stderr(line + "\n"),
  });
  io.stdout(emulator.url + "\n");
  await (stop ?? signalled());
  await emulator.close();
  return ExitCode.Ok;
}

function signalled(): Promise<string> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
}
