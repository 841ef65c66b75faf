/**
 * What users' tools read from the schema and the SDKs agrees: one version (npm package, schema,
 * Python SDK, plugin manifests), one repository (pluginDownloadURL, repository, homepage, the Go
 * module path), and the release targets are the engine's platform names.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST_TARGETS, executableName, targetName } from "../../scripts/dist/targets";
import { archiveName } from "../../scripts/dist/archive";

const ROOT = path.join(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const schema = JSON.parse(read("schema.json"));
const version: string = JSON.parse(read("package.json")).version;

test("schema, Python SDK and plugin manifests carry the npm package's version", () => {
  expect(schema.version).toBe(version);
  expect(read("sdk/python/pyproject.toml")).toMatch(new RegExp(`^\\s*version = "${version.replace(/\./g, "\\.")}"$`, "m"));
  for (const manifest of ["sdk/python/pulumi_tencentcloud_redis_task/pulumi-plugin.json", "sdk/go/tencentcloudredistask/pulumi-plugin.json"]) {
    expect(JSON.parse(read(manifest))).toEqual({ resource: true, name: schema.name, version, server: schema.pluginDownloadURL });
  }
});

test("pluginDownloadURL, repository, homepage and the Go module name one GitHub repository", () => {
  const match = /^github:\/\/api\.github\.com\/([^/]+)\/([^/]+)$/.exec(schema.pluginDownloadURL);
  expect(match).not.toBeNull();
  const [, owner, repo] = match!;
  expect(schema.repository).toBe(`https://github.com/${owner}/${repo}`);
  expect(schema.homepage).toBe(schema.repository);
  expect(read("sdk/go/go.mod")).toMatch(new RegExp(`^module github\\.com/${owner}/${repo}/sdk/go$`, "m"));
  expect(schema.language.go.importBasePath).toBe(`github.com/${owner}/${repo}/sdk/go/tencentcloudredistask`);
});

test("archives are named as the engine downloads them, the executable at the archive root", () => {
  expect(DIST_TARGETS.map(targetName)).toEqual(expect.arrayContaining(["linux-amd64", "linux-arm64"]));
  expect(archiveName(version, "linux-arm64")).toBe(`pulumi-resource-${schema.name}-v${version}-linux-arm64.tar.gz`);
  expect(DIST_TARGETS.map(executableName)).toContain(`pulumi-resource-${schema.name}.exe`);
  for (const target of DIST_TARGETS) expect(target.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
});
