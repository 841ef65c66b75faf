/**
 * A temporary Pulumi project with this package installed from `npm pack` output, as users install
 * it. The provider host and the policy analyzer run there, so the serialized provider's
 * `require("pulumi-tencentcloud-redis-task")` resolves exactly as on a user's machine.
 * Built once per content of the package (cached by hash, see `buildOnce`), shared by concurrent jest workers.
 */
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildOnce } from "./buildOnce";

/** The repository: the nearest directory above this file with the package's package.json (also from `dist/`). */
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === "pulumi-tencentcloud-redis-task") return dir;
    if (path.dirname(dir) === dir) throw new Error(`no pulumi-tencentcloud-redis-task package.json above ${from}`);
  }
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

function contentHash(extra: string): string {
  const hash = createHash("sha256").update(extra);
  // Everything the tarball carries that can change: the manifest, the compiled code, the plugin's
  // executable and schema, the generated SDKs.
  const packed = [
    ...["package.json", "schema.json", "pulumi-resource-tencentcloud-redis-task"].map((file) => path.join(REPO_ROOT, file)),
    ...[path.join("dist", "provider"), "sdk"].flatMap((dir) => listFiles(path.join(REPO_ROOT, dir)).sort()),
  ];
  for (const file of packed) {
    hash.update(file).update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

function installedVersion(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")).version;
}

/** The node binary that runs programs and the provider host: Node 22 in the compatibility run. */
export const PROGRAM_NODE = process.env.REDIS_TASK_COMPAT_NODE || process.execPath;

/** Options of {@link packedProject}. */
export interface PackedProjectOptions {
  /** Extra dependencies of the consumer project, name → version. */
  dependencies?: Record<string, string>;
  /** A tag separating differently-built projects in the cache. */
  tag?: string;
}

/**
 * Returns the directory of a project with the packed package and `@pulumi/pulumi` and
 * `@pulumi/policy` (the versions this repo pins, unless overridden) installed.
 */
export function packedProject(options: PackedProjectOptions = {}): string {
  if (!fs.existsSync(path.join(REPO_ROOT, "dist", "provider", "index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  }
  const dependencies: Record<string, string> = {
    // The compatibility run in .ci/run sets this to the newest SDK (which needs Node 22).
    "@pulumi/pulumi": process.env.REDIS_TASK_COMPAT_PULUMI || installedVersion("@pulumi/pulumi"),
    "@pulumi/policy": installedVersion("@pulumi/policy"),
    ...options.dependencies,
  };
  const key = contentHash(JSON.stringify({ dependencies, tag: options.tag ?? "" }));
  const root = path.join(os.tmpdir(), "redis-task-packed");
  fs.mkdirSync(root, { recursive: true });
  return buildOnce(path.join(root, key), (dir) => {
    const packOut = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: REPO_ROOT, encoding: "utf8" });
    const tarball = packOut.trim().split("\n").pop()!;
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify(
        { name: "redis-task-consumer", version: "1.0.0", private: true, dependencies: { "pulumi-tencentcloud-redis-task": `file:./${tarball}`, ...dependencies } },
        null,
        2,
      ),
    );
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
      cwd: dir,
      stdio: ["ignore", "ignore", "inherit"],
    });
  });
}
