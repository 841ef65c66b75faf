/**
 * The plugin as one JavaScript file, which is what a Node.js single executable application runs
 * (its `require` reaches only Node's built-in modules). Two things the npm package finds at run
 * time are fixed at build time instead: the gRPC and protocol modules (provider/doors/plugin/rpc.ts
 * loads them from the installed `@pulumi/pulumi`; here they become static requires resolved from
 * the same place) and the schema with the package version (provider/doors/plugin/schema.ts).
 */
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as path from "path";
import { RPC_MODULES } from "../../provider/doors/plugin/rpc";

/** `rpc.ts` with its table turned into static requires, resolved from `@pulumi/pulumi` as at run time. */
function staticRpc(root: string): esbuild.Plugin {
  const requires = Object.entries(RPC_MODULES).map(([name, specifier]) => `${name}: require(${JSON.stringify(specifier)})`);
  const contents = `let loaded;\nexport const RPC_MODULES = ${JSON.stringify(RPC_MODULES)};\nexport function rpc() {\n  return (loaded ??= { ${requires.join(", ")} });\n}\n`;
  const rpcSource = path.join(root, "provider", "doors", "plugin", "rpc.ts");
  return {
    name: "static-rpc",
    setup(build) {
      build.onLoad({ filter: /[\\/]provider[\\/]doors[\\/]plugin[\\/]rpc\.ts$/ }, (args) =>
        args.path === rpcSource ? { contents, loader: "js", resolveDir: path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [root] })) } : undefined,
      );
    },
  };
}

/** Bundles `provider/doors/plugin/main.ts` of the repository at `root` into `outfile`; returns its size in bytes. */
export async function bundlePlugin(root: string, outfile: string): Promise<number> {
  const schema = fs.readFileSync(path.join(root, "schema.json"), "utf8");
  const version: string = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, "provider", "doors", "plugin", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    // Smaller text parses faster at every start; names are kept for error classes and stack traces.
    minify: true,
    keepNames: true,
    legalComments: "none",
    logLevel: "warning",
    // Type-only imports of the Pulumi SDK make esbuild scan npm tooling it then leaves out.
    logOverride: { "require-resolve-not-external": "silent" },
    define: { REDIS_TASK_EMBEDDED_SCHEMA: JSON.stringify({ text: schema, version }) },
    plugins: [staticRpc(root)],
  });
  return fs.statSync(outfile).size;
}
