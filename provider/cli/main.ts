#!/usr/bin/env node
/** The `tencentcloud-redis-task` command: dispatches to a subcommand and maps errors to exit codes. */
import { InputError, TaskApiError } from "../api/errors";
import { runEmulator } from "./emulatorCommand";
import { ExitCode } from "./exitCodes";
import { processIO, type CommandIO } from "./io";
import { runStatus } from "./status";
import { UsageError } from "./usage";

/** Help text of the command itself. */
export const MAIN_HELP = `Usage: tencentcloud-redis-task <command> [options]

Commands:
  status <requestId>   query a Redis task once and print its status
  wait <requestId>     wait until a Redis task finishes (exit 0 succeeded, 1 failed, 3 timed out)
  tasks <instanceId>   list a Redis instance's tasks (DescribeTaskList, every page)
  wait-idle <instanceId>  wait until a Redis instance has no task running (exit 0 idle, 1 failed, 3 timed out)
  emulator             run the local DescribeTaskInfo emulator

Run "tencentcloud-redis-task <command> --help" for a command's options.
Exit codes: 0 ok, 1 task failed, 2 bad usage or input, 3 timed out, 4 API/auth/network error, 130 interrupted.
`;

type Command = (argv: string[], io: CommandIO) => Promise<number>;

const commands: Record<string, () => Command> = {
  status: () => runStatus,
  wait: () => require("./wait").runWait,
  emulator: () => runEmulator,
  tasks: () => require("./instanceCommands").runTasks,
  "wait-idle": () => require("./instanceCommands").runWaitIdle,
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CommandIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(MAIN_HELP);
    return name === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`tencentcloud-redis-task: unknown command "${name}"\n\n${MAIN_HELP}`);
    return ExitCode.Usage;
  }
  try {
    return await command()(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.stderr(`tencentcloud-redis-task ${name}: ${error.message}\nRun "tencentcloud-redis-task ${name} --help" for usage.\n`);
      return ExitCode.Usage;
    }
    if (error instanceof TaskApiError) {
      io.stderr(`tencentcloud-redis-task ${name}: ${error.message}\n`);
      return ExitCode.ApiError;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`tencentcloud-redis-task: unexpected error: ${(error as Error)?.stack ?? error}\n`);
      process.exitCode = 70;
    },
  );
}
