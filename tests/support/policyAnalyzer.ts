/**
 * Drives a real policy pack over gRPC as the Pulumi engine does: the pack runs under
 * `@pulumi/pulumi/cmd/run-policy-pack` (the command the CLI starts for `--policy-pack`) in a
 * directory inside the packed project, so it loads this package as users install it, and prints
 * its port as the first stdout line. gRPC and protobuf modules come from that project, matching
 * its SDK version.
 */
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { stopChild } from "./childProcess";
import { PROGRAM_NODE, REPO_ROOT } from "./packedProject";

/** Enforcement levels as the policy SDK names them. */
export type EnforcementLevelName = "advisory" | "mandatory" | "remediate" | "disabled";

/** One policy as GetAnalyzerInfo describes it. */
export interface AnalyzerPolicyInfo {
  name: string;
  description: string;
  enforcementLevel: EnforcementLevelName;
  kind: "resource" | "stack";
  configSchema?: Record<string, unknown>;
}

/** One diagnostic (violation) of Analyze or AnalyzeStack. */
export interface AnalyzerDiagnostic {
  policyName: string;
  policyPackName: string;
  /** The policy's description, a newline, then the violation message, as the SDK builds it. */
  message: string;
  enforcementLevel: EnforcementLevelName;
  urn: string;
}

/** What Analyze or AnalyzeStack returned. */
export interface AnalyzerResult {
  diagnostics: AnalyzerDiagnostic[];
  notApplicable: { policyName: string; reason: string }[];
}

/** A resource as the engine sends it; `properties` are inputs (Analyze) or outputs (AnalyzeStack). */
export interface AnalyzerResourceSpec {
  type: string;
  name: string;
  urn: string;
  properties: Record<string, unknown>;
  /** AnalyzeStack only: URNs this resource depends on. */
  dependencies?: string[];
  /** AnalyzeStack only: URNs per property. */
  propertyDependencies?: Record<string, string[]>;
  parent?: string;
}

/** A running policy pack and typed wrappers of its RPCs. */
export interface PolicyAnalyzer {
  /** Everything the pack wrote to stdout and stderr so far. */
  output(): string;
  getAnalyzerInfo(): Promise<{ name: string; version: string; policies: AnalyzerPolicyInfo[] }>;
  /** Policy config as the engine sends it: every policy's enforcement level plus its properties. */
  configure(config: Record<string, { enforcementLevel: EnforcementLevelName } & Record<string, unknown>>): Promise<void>;
  analyze(resource: AnalyzerResourceSpec): Promise<AnalyzerResult>;
  analyzeStack(resources: AnalyzerResourceSpec[]): Promise<AnalyzerResult>;
  close(): Promise<void>;
  process: ChildProcess;
}

/**
 * Copies `examples/policy-pack` into a fresh directory inside `projectDir`, so its `require`s
 * resolve from the project's `node_modules` as they would from the pack's own. The entry is
 * `compiled` (default): the `index.js` that `npm run build` compiled from the pack's `index.ts`,
 * which `require(".")` prefers over `index.ts`; or `typescript`: the `index.ts` itself, for
 * run-policy-pack's ts-node to compile. Returns the directory; remove it when done.
 */
export function installExamplePolicyPack(projectDir: string, entry: "compiled" | "typescript" = "compiled"): string {
  const source = path.join(REPO_ROOT, "examples", "policy-pack");
  const compiled = path.join(REPO_ROOT, "dist", "examples", "policy-pack", "index.js");
  if (entry === "compiled" && !fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run build\` first`);
  const dir = fs.mkdtempSync(path.join(projectDir, "policy-pack-"));
  for (const file of ["PulumiPolicy.yaml", "package.json"]) fs.copyFileSync(path.join(source, file), path.join(dir, file));
  if (entry === "compiled") fs.copyFileSync(compiled, path.join(dir, "index.js"));
  else fs.copyFileSync(path.join(source, "index.ts"), path.join(dir, "index.ts"));
  return dir;
}

/** Starts the pack in `packDir` under the project's `run-policy-pack` with `env`, and connects to it. */
export async function startPolicyAnalyzer(packDir: string, env: NodeJS.ProcessEnv = process.env, nodeBinary = PROGRAM_NODE): Promise<PolicyAnalyzer> {
  const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [packDir] }));
  const load = (module: string) => require(require.resolve(module, { paths: [sdk] }));
  const grpc = load("@grpc/grpc-js");
  const proto = load(path.join(sdk, "proto", "analyzer_pb"));
  const rpc = load(path.join(sdk, "proto", "analyzer_grpc_pb"));
  const structproto = load("google-protobuf/google/protobuf/struct_pb");
  const emptyproto = load("google-protobuf/google/protobuf/empty_pb");

  const child = spawn(nodeBinary, [path.join(sdk, "cmd", "run-policy-pack"), "127.0.0.1:0", "."], {
    cwd: packDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes("\n")) return;
      const firstLine = output.split("\n")[0].trim();
      if (/^\d+$/.test(firstLine)) resolve(Number(firstLine));
      else reject(new Error(`policy pack printed no port: ${output}`));
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`policy pack exited with ${code}: ${output}`)));
  }).catch((error) => {
    // A pack that started but printed something else would otherwise outlive the test run.
    child.kill("SIGKILL");
    throw error;
  });
  const client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

  const levelNames = new Map<number, EnforcementLevelName>(
    Object.entries(proto.EnforcementLevel as Record<string, number>).map(([key, value]) => [value, key.toLowerCase() as EnforcementLevelName]),
  );
  const levelValue = (name: EnforcementLevelName): number => proto.EnforcementLevel[name.toUpperCase()];

  function call<T>(method: string, request: unknown, unpack: (response: any) => T): Promise<T> {
    return new Promise((resolve, reject) => {
      client[method](request, (error: any, response: any) => (error ? reject(new Error(`${method}: ${error.details || error.message}`)) : resolve(unpack(response))));
    });
  }

  function options() {
    const opts = new proto.AnalyzerResourceOptions();
    opts.setCustomtimeouts(new proto.AnalyzerResourceOptions.CustomTimeouts());
    return opts;
  }

  function unpackResult(response: any): AnalyzerResult {
    return {
      diagnostics: response.getDiagnosticsList().map((d: any) => ({
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        message: d.getMessage(),
        enforcementLevel: levelNames.get(d.getEnforcementlevel())!,
        urn: d.getUrn(),
      })),
      notApplicable: response.getNotApplicableList().map((n: any) => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
    };
  }

  return {
    process: child,
    output: () => output,
    getAnalyzerInfo: () =>
      call("getAnalyzerInfo", new emptyproto.Empty(), (info) => ({
        name: info.getName(),
        version: info.getVersion(),
        policies: info.getPoliciesList().map((p: any) => ({
          name: p.getName(),
          description: p.getDescription(),
          enforcementLevel: levelNames.get(p.getEnforcementlevel())!,
          kind: p.getPolicyType() === proto.PolicyType.POLICY_TYPE_STACK ? "stack" : "resource",
          configSchema: p.getConfigschema()?.getProperties()?.toJavaScript(),
        })),
      })),
    configure: (config) => {
      const request = new proto.ConfigureAnalyzerRequest();
      for (const [policy, { enforcementLevel, ...properties }] of Object.entries(config)) {
        const policyConfig = new proto.PolicyConfig();
        policyConfig.setEnforcementlevel(levelValue(enforcementLevel));
        policyConfig.setProperties(structproto.Struct.fromJavaScript(properties));
        request.getPolicyconfigMap().set(policy, policyConfig);
      }
      return call("configure", request, () => undefined);
    },
    analyze: (resource) => {
      const request = new proto.AnalyzeRequest();
      request.setType(resource.type);
      request.setName(resource.name);
      request.setUrn(resource.urn);
      request.setProperties(structproto.Struct.fromJavaScript(resource.properties));
      request.setOptions(options());
      return call("analyze", request, unpackResult);
    },
    analyzeStack: (resources) => {
      const request = new proto.AnalyzeStackRequest();
      request.setResourcesList(
        resources.map((spec) => {
          const resource = new proto.AnalyzerResource();
          resource.setType(spec.type);
          resource.setName(spec.name);
          resource.setUrn(spec.urn);
          resource.setProperties(structproto.Struct.fromJavaScript(spec.properties));
          resource.setOptions(options());
          resource.setDependenciesList(spec.dependencies ?? []);
          resource.setParent(spec.parent ?? "");
          for (const [property, urns] of Object.entries(spec.propertyDependencies ?? {})) {
            const deps = new proto.AnalyzerPropertyDependencies();
            deps.setUrnsList(urns);
            resource.getPropertydependenciesMap().set(property, deps);
          }
          return resource;
        }),
      );
      return call("analyzeStack", request, unpackResult);
    },
    close: async () => {
      client.close();
      await stopChild(child);
    },
  };
}
