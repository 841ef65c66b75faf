/**
 * A user's Pulumi project outside the repository: one of `tests/e2e/programs/*` copied into a new
 * directory of the packed project (tests/support/packedProject.ts), so its `node_modules` hold this
 * package installed from its `npm pack` tarball, as `npm install` gives users.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packedProject, REPO_ROOT, type PackedProjectOptions } from "../../support/packedProject";

const PROGRAMS = path.join(REPO_ROOT, "tests", "e2e", "programs");

/** Copies `programs/<program>` into a fresh project directory and returns that directory. */
export function userProject(program: string, options: PackedProjectOptions = {}): string {
  const root = path.join(packedProject(options), "projects");
  fs.mkdirSync(root, { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, `${program}-`));
  fs.cpSync(path.join(PROGRAMS, program), dir, { recursive: true });
  return dir;
}

/**
 * Like {@link userProject}, but outside the packed project, with a `node_modules` of its own that
 * links each of the packed project's packages: a test can then uninstall this package (remove
 * `node_modules/pulumi-tencentcloud-redis-task`) as a user would, and nothing finds it any more.
 */
export function standaloneProject(program: string, options: PackedProjectOptions = {}): string {
  const packed = packedProject(options);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `redis-task-e2e-${program}-`));
  fs.cpSync(path.join(PROGRAMS, program), dir, { recursive: true });
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(path.join(packed, "node_modules"))) {
    fs.symlinkSync(path.join(packed, "node_modules", entry), path.join(modules, entry));
  }
  return dir;
}
