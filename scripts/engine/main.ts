/**
 * `node dist/scripts/engine/main.js --program FILE --project NAME [--stack S] [--config k=v]…
 * [--stack-outputs NAME=FILE]… [--outputs-file FILE]`: runs a program with the in-process engine,
 * prints the stack outputs and exits 0, or prints the error and exits 1.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { runProgram } from "./runProgram";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      program: { type: "string" },
      project: { type: "string" },
      stack: { type: "string", default: "dev" },
      config: { type: "string", multiple: true, default: [] },
      "stack-outputs": { type: "string", multiple: true, default: [] },
      "outputs-file": { type: "string" },
      "project-dir": { type: "string" },
    },
  });
  if (!values.program || !values.project) {
    process.stderr.write("usage: main.js --program FILE --project NAME [--stack S] [--config k=v]... [--stack-outputs NAME=FILE]... [--outputs-file FILE]\n");
    return 2;
  }
  const split = (pair: string) => {
    const at = pair.indexOf("=");
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  };
  const config = Object.fromEntries(values.config!.map(split));
  const stackOutputs = Object.fromEntries(values["stack-outputs"]!.map((pair) => {
    const [name, file] = split(pair);
    return [name, JSON.parse(fs.readFileSync(file, "utf8"))];
  }));
  const result = await runProgram({
    program: path.resolve(values.program),
    project: values.project,
    stack: values.stack!,
    config,
    stackOutputs,
    projectDir: values["project-dir"] ? path.resolve(values["project-dir"]) : undefined,
  });
  if (result.error) {
    process.stdout.write(`[engine] the deployment failed: ${result.error.message}\n`);
    return 1;
  }
  process.stdout.write(`[engine] outputs: ${JSON.stringify(result.outputs)}\n`);
  if (values["outputs-file"]) fs.writeFileSync(values["outputs-file"], JSON.stringify(result.outputs, null, 2));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[engine] unexpected error: ${(error as Error).stack}\n`);
    process.exit(70);
  },
);
