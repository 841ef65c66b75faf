/**
 * The in-process engine, the demo's fallback where no Pulumi CLI is installed: runs a Pulumi
 * project without the CLI. The program is the one the CLI would run (`resolveProgram.ts`), in the
 * directory the CLI would run it in; it makes its real SDK registrations against
 * `pulumi.runtime.setMocks`, and dynamic resources are handed to their real provider code loaded
 * as the provider host loads it (`dynamicProviders.ts`), so a TaskWait really waits and fails.
 * Other custom resources are recorded as created with their inputs.
 */
import { DynamicProviders } from "./dynamicProviders";
import { resolveProgram } from "./resolveProgram";

/** What to run. */
export interface ProgramRun {
  /** The directory of the project's Pulumi.yaml. */
  projectDir: string;
  stack: string;
  /** Stack config, full keys (`project:key`, `tencentcloud:region`). */
  config: Record<string, string>;
  /** Outputs of other stacks, by stack name, for `StackReference`. */
  stackOutputs?: Record<string, Record<string, unknown>>;
  /** One line per engine event; default stdout. */
  log?: (line: string) => void;
}

/** The stack's outputs, or the error that stopped the program. */
export interface ProgramResult {
  outputs?: Record<string, unknown>;
  error?: Error;
  /** Resources in the order the engine finished creating them. */
  created: { type: string; name: string }[];
}

/** Runs one program to completion, in this process (call once per process: the SDK is global). */
export async function runProgram(run: ProgramRun): Promise<ProgramResult> {
  const program = resolveProgram(run.projectDir);
  // The language host starts the program, and the engine the provider host, in this directory.
  process.chdir(program.programDir);
  // The SDK reads its config from the environment when it loads.
  process.env.PULUMI_CONFIG = JSON.stringify(run.config);
  process.env.PULUMI_NODEJS_PROJECT = program.project;
  process.env.PULUMI_NODEJS_STACK = run.stack;
  const pulumi: typeof import("@pulumi/pulumi") = require(require.resolve("@pulumi/pulumi", { paths: [program.programDir] }));
  const started = Date.now();
  const log = run.log ?? ((line: string) => process.stdout.write(line + "\n"));
  const stamp = () => `+${((Date.now() - started) / 1000).toFixed(1)}s`;
  const providers = new DynamicProviders(run.config, program.project, program.programDir);
  const created: ProgramResult["created"] = [];
  let firstError: Error | undefined;

  await pulumi.runtime.setMocks(
    {
      newResource: async ({ type, name, inputs }) => {
        try {
          if (type === "pulumi:pulumi:StackReference") {
            const outputs = run.stackOutputs?.[String(inputs.name ?? name)] ?? {};
            return { id: name, state: { name: inputs.name ?? name, outputs, secretOutputNames: [] } };
          }
          if (!type.startsWith("pulumi-nodejs:dynamic/")) {
            created.push({ type, name });
            if (type !== "pulumi:pulumi:Stack") log(`[engine ${stamp()}] created ${type} "${name}"`);
            return { id: `${name}-id`, state: inputs };
          }
          log(`[engine ${stamp()}] creating ${type} "${name}"`);
          const result = await providers.create(type, name, inputs);
          created.push({ type, name });
          log(`[engine ${stamp()}] created ${type} "${name}"`);
          return result;
        } catch (error) {
          log(`[engine ${stamp()}] error: ${type} "${name}": ${(error as Error).message}`);
          firstError ??= error as Error;
          throw error;
        }
      },
      call: ({ inputs }) => inputs,
    },
    program.project,
    run.stack,
    false,
  );
  const unhandled = (error: unknown) => {
    firstError ??= error instanceof Error ? error : new Error(String(error));
  };
  process.on("unhandledRejection", unhandled);
  try {
    const outputs = await pulumi.runtime.runInPulumiStack(async () => {
      return require(program.entry);
    });
    const resolved = outputs ? await resolveOutputs(pulumi, outputs) : {};
    return firstError ? { error: firstError, created } : { outputs: resolved, created };
  } catch (error) {
    return { error: firstError ?? (error as Error), created };
  } finally {
    process.removeListener("unhandledRejection", unhandled);
  }
}

async function resolveOutputs(pulumi: typeof import("@pulumi/pulumi"), outputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(outputs)) {
    resolved[key] = await new Promise((resolve) => (pulumi.output(value) as import("@pulumi/pulumi").Output<unknown>).apply(resolve));
  }
  return resolved;
}
