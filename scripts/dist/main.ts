/**
 * `npm run dist`: the provider plugin's release archives (one Node.js single executable per
 * target, see targets.ts for which and why), their SHA-256 checksums, and the Python SDK's wheel,
 * into `dist/release` (or `--out DIR`). `--targets linux-amd64,…` builds fewer targets;
 * `--no-wheel` skips the wheel. Prints one line per file with its size.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { archiveName, packArchive } from "./archive";
import { bundlePlugin } from "./bundle";
import { nodeBinary } from "./nodeRuntime";
import { seaBlob, seaExecutable } from "./sea";
import { DIST_TARGETS, executableName, hostTarget, targetName, type DistTarget } from "./targets";
import { buildWheel } from "./wheel";

/** What to build and where. */
export interface DistOptions {
  /** The repository (sources, schema.json, LICENSE, README.md). */
  root: string;
  outDir: string;
  targets: readonly DistTarget[];
  wheel: boolean;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Builds the release files; returns the archive paths by target name. */
export async function buildDist(options: DistOptions): Promise<Record<string, string>> {
  const host = hostTarget();
  if (!host) throw new Error(`no release target for this machine (${process.platform}-${process.arch}): the blob must be written by a Node.js of the embedded version that runs here`);
  const version: string = JSON.parse(fs.readFileSync(path.join(options.root, "package.json"), "utf8")).version;
  const cache = path.join(options.root, "node_modules", ".cache", "pulumi-tencentcloud-redis-task-dist");
  fs.mkdirSync(options.outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(options.outDir, ".work-"));
  try {
    const script = path.join(work, "plugin.js");
    process.stdout.write(`bundle ${megabytes(await bundlePlugin(options.root, script))}\n`);
    const blob = seaBlob(nodeBinary(host, cache), script, work);
    const archives: Record<string, string> = {};
    const sums: string[] = [];
    for (const target of options.targets) {
      const executable = path.join(work, executableName(target));
      seaExecutable(nodeBinary(target, cache), blob, executable, target.os === "darwin");
      const archive = path.join(options.outDir, archiveName(version, targetName(target)));
      packArchive(archive, { executable, license: path.join(options.root, "LICENSE"), readme: path.join(options.root, "README.md") });
      archives[targetName(target)] = archive;
      sums.push(`${createHash("sha256").update(fs.readFileSync(archive)).digest("hex")}  ${path.basename(archive)}`);
      process.stdout.write(`${path.basename(archive)} ${megabytes(fs.statSync(archive).size)}\n`);
    }
    fs.writeFileSync(path.join(options.outDir, `pulumi-tencentcloud-redis-task_${version}_checksums.txt`), `${sums.join("\n")}\n`);
    if (options.wheel) process.stdout.write(`${buildWheel(path.join(options.root, "sdk", "python"), options.outDir)}\n`);
    return archives;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Reads `--targets a,b`, `--out DIR` and `--no-wheel`. */
function parseArgs(argv: string[], root: string): DistOptions {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const names = value("--targets")?.split(",");
  const targets = names
    ? names.map((name) => DIST_TARGETS.find((target) => targetName(target) === name) ?? fail(`--targets: unknown target ${name}; known: ${DIST_TARGETS.map(targetName).join(", ")}`))
    : DIST_TARGETS;
  return { root, outDir: path.resolve(value("--out") ?? path.join(root, "dist", "release")), targets, wheel: !argv.includes("--no-wheel") };
}

function fail(message: string): never {
  throw new Error(message);
}

if (require.main === module) {
  const root = path.resolve(__dirname, "..", "..", "..");
  buildDist(parseArgs(process.argv.slice(2), root)).catch((error: unknown) => {
    process.stderr.write(`npm run dist: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
