/**
 * The `tencentcloud-redis-task` resource provider plugin, as the Pulumi engine runs it through
 * `pulumi-resource-tencentcloud-redis-task` (any language) with the engine's address as the last
 * argument: it serves the provider on a local port and prints that port as the first line of
 * stdout, which is how the engine finds it. Progress goes to the engine's log (the engine hides
 * a plugin's stdout and stderr).
 */
import { startPluginServer } from "./server";

/** The engine's address: the last argument (flags such as `--logtostderr` or `-v=9` come first). */
function engineAddress(argv: string[]): string | undefined {
  const last = argv[argv.length - 1];
  return last && !last.startsWith("-") ? last : undefined;
}

async function main(): Promise<void> {
  const { port } = await startPluginServer(engineAddress(process.argv.slice(2)));
  process.stdout.write(`${port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`tencentcloud-redis-task plugin failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
