/**
 * The in-process engine runs the program the CLI would run. The CLI's rule (measured: a directory
 * `main` under the repository's package.json ran the library, not the example) is reproduced here,
 * so the fallback engine cannot hide that difference again.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { resolveProgram } from "../../scripts/engine/resolveProgram";
import { REPO_ROOT } from "../support/packedProject";

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resolve-program-"));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

test("the repository's root project runs the gate example, in the example's directory", () => {
  expect(resolveProgram(REPO_ROOT)).toEqual({
    project: "redis-task-gate",
    programDir: path.join(REPO_ROOT, "dist/examples/gate"),
    entry: path.join(REPO_ROOT, "dist/examples/gate/index.js"),
  });
});

test("a directory main runs the nearest package.json's exports, as cmd/run does (the defect the CLI showed)", () => {
  const dir = project({
    "Pulumi.yaml": "name: p\nruntime: nodejs\nmain: dist/examples/gate/ # a directory\n",
    "package.json": JSON.stringify({ name: "lib", exports: { ".": { default: "./dist/lib.js" } }, main: "dist/other.js" }),
    "dist/lib.js": "",
    "dist/examples/gate/index.js": "",
  });
  expect(resolveProgram(dir)).toEqual({ project: "p", programDir: path.join(dir, "dist/examples/gate"), entry: path.join(dir, "dist/lib.js") });
});

test("without exports the package.json main is run; without a package.json the directory itself", () => {
  const withMain = project({ "Pulumi.yaml": "name: 'q'\nruntime: nodejs\n", "package.json": JSON.stringify({ main: "app.js" }), "app.js": "" });
  expect(resolveProgram(withMain).entry).toBe(path.join(withMain, "app.js"));
  const bare = project({ "Pulumi.yaml": 'name: "r"\nmain: prog\n', "prog/index.js": "" });
  expect(resolveProgram(bare)).toMatchObject({ project: "r", programDir: path.join(bare, "prog") });
});
