/**
 * `node dist/scripts/engine/main.js --project-dir DIR [--stack S] [--config k=v]…
 * [--stack-outputs NAME=FILE]… [--result-file FILE]`: runs the project in DIR with the in-process
 * engine, prints the stack outputs and exits 0, or prints the error and exits 1. The result file
 * gets `{outputs, error, created}` for callers that check what was created.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { runProgram } from "./runProgram";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "project-dir": { type: "string" },
      stack: { type: "string", default: "dev" },
      config: { type: "string", multiple: true, default: [] },
      "stack-outputs": { type: "string", multiple: true, default: [] },
      "result-file": { type: "string" },
    },
  });
  if (!values["project-dir"]) {
    process.stderr.write("usage: main.js --project-dir DIR [--stack S] [--config k=v]... [--stack-outputs NAME=FILE]... [--result-file FILE]\n");
    return 2;
  }
  const split = (pair: string) => {
    const at = pair.indexOf("=");
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  };
  const config = Object.fromEntries(values.config!.map(split));
  const stackOutputs = Object.fromEntries(
    values["stack-outputs"]!.map((pair) => {
      const [name, file] = split(pair);
      return [name, JSON.parse(fs.readFileSync(file, "utf8"))];
    }),
  );
  const resultFile = values["result-file"] && path.resolve(values["result-file"]);
  const result = await runProgram({ projectDir: path.resolve(values["project-dir"]), stack: values.stack!, config, stackOutputs });
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ outputs: result.outputs, error: result.error?.message, created: result.created }, null, 2));
  if (result.error) {
    process.stdout.write(`[engine] the deployment failed: ${result.error.message}\n`);
    return 1;
  }
  process.stdout.write(`[engine] outputs: ${JSON.stringify(result.outputs)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[engine] unexpected error: ${(error as Error).stack}\n`);
    process.exit(70);
  },
);
