/**
 * The example pack as `pulumi preview --policy-pack examples/policy-pack` runs it: `index.ts`
 * itself, compiled and type-checked by run-policy-pack's ts-node with the TypeScript the pack's
 * package.json declares, importing `pulumi-tencentcloud-redis-task/policy` through the installed
 * package's "exports". (analyzer.test.ts runs the same pack from its compiled index.js.)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cleanEnv } from "../support/emulatorEnv";
import { packedProject, REPO_ROOT } from "../support/packedProject";
import { installExamplePolicyPack, startPolicyAnalyzer, type PolicyAnalyzer } from "../support/policyAnalyzer";

let packDir: string | undefined;
let typescriptDir: string | undefined;
let analyzer: PolicyAnalyzer | undefined;

afterAll(async () => {
  await analyzer?.close();
  for (const dir of [packDir, typescriptDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("index.ts compiles under run-policy-pack's ts-node and serves the four policies", async () => {
  const project = packedProject();
  packDir = installExamplePolicyPack(project, "typescript");
  const declared = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")).devDependencies.typescript;
  const typescript = path.dirname(require.resolve("typescript/package.json", { paths: [REPO_ROOT] }));
  expect(JSON.parse(fs.readFileSync(path.join(typescript, "package.json"), "utf8")).version).toBe(declared);
  // Stands in for `npm install` of the pack's devDependency: NODE_PATH is consulted only after
  // node_modules, and this directory holds nothing but `typescript`, so it hides no missing module.
  typescriptDir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-pack-typescript-"));
  fs.symlinkSync(typescript, path.join(typescriptDir, "typescript"), "dir");
  // ts-node 7 caches output by the file's own text, so a cache hit would skip type-checking
  // against a changed package: compile afresh every time.
  analyzer = await startPolicyAnalyzer(packDir, cleanEnv({ NODE_PATH: typescriptDir, TS_NODE_CACHE: "false" }));
  const info = await analyzer.getAnalyzerInfo();
  expect(info.name).toBe("tencentcloud-redis-task");
  expect(info.policies.map((p) => p.name)).toEqual(["redis-task-succeeded", "redis-task-not-failed", "redis-task-timeout-bounded", "redis-task-gate-required"]);
  expect(fs.existsSync(path.join(packDir, "index.js"))).toBe(false);
}, 240_000);
