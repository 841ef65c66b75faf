/**
 * Which file a Pulumi Node.js project runs, decided as the CLI decides it. The language host runs
 * the program with `main`'s directory as working directory: a file `main` is run as given; a
 * directory `main` (or none) is run as `.`, and `@pulumi/pulumi/cmd/run` then takes the nearest
 * `package.json`'s `exports["."]` (else its `main`). Mirroring this is what keeps the in-process
 * engine from running something the CLI would not (a directory `main` under the repository's own
 * `package.json` runs the library, not the example).
 */
import * as fs from "fs";
import * as path from "path";

/** What the CLI would run for a project. */
export interface ResolvedProgram {
  /** `name` in Pulumi.yaml: the config namespace. */
  project: string;
  /** The working directory of the program and of the dynamic-provider host. */
  programDir: string;
  /** The module the program runs. */
  entry: string;
}

/** A top-level scalar of Pulumi.yaml (`name`, `main`): all this engine needs of the file. */
function topLevelScalar(yaml: string, key: string): string | undefined {
  const match = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*(?:#.*)?$`, "m").exec(yaml);
  if (!match || match[1] === "") return undefined;
  return match[1].replace(/^(["'])(.*)\1$/, "$2");
}

/** The nearest directory at or above `dir` holding a package.json, as `cmd/run` searches. */
function packageRoot(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, "package.json"))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** `cmd/run`'s choice for a program given as `.`: package.json `exports["."]`, else `main`. */
function entryOfPackage(root: string, fallback: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const exported = typeof manifest.exports === "object" && manifest.exports !== null ? manifest.exports["."] : manifest.exports;
  const target = typeof exported === "string" ? exported : exported ? exported.default ?? exported.require ?? exported.import : manifest.main;
  if (typeof target !== "string") return fallback;
  const candidate = path.join(root, target);
  return fs.existsSync(candidate) ? candidate : fallback;
}

/** Resolves the program of the project whose Pulumi.yaml is in `projectDir`. */
export function resolveProgram(projectDir: string): ResolvedProgram {
  const yaml = fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8");
  const project = topLevelScalar(yaml, "name");
  if (!project) throw new Error(`${path.join(projectDir, "Pulumi.yaml")} has no name`);
  const main = path.resolve(projectDir, topLevelScalar(yaml, "main") ?? ".");
  if (fs.existsSync(main) && fs.statSync(main).isFile()) return { project, programDir: path.dirname(main), entry: main };
  const root = packageRoot(main);
  return { project, programDir: main, entry: root ? entryOfPackage(root, main) : main };
}
