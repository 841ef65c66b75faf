/**
 * Drives a resource provider over gRPC as the Pulumi engine does: the real dynamic-provider host
 * (`@pulumi/pulumi/cmd/dynamic-provider`) or this package's provider plugin
 * (`pulumi-resource-tencentcloud-redis-task`), spawned in a project directory, its port read
 * from the first stdout line. The gRPC and protobuf modules are loaded from that project, so
 * they match its SDK version.
 */
import { spawn, type ChildProcess } from "child_process";
import * as path from "path";
import { stopChild } from "./childProcess";
import { PROGRAM_NODE } from "./packedProject";

/** The error of a failed create/update, with the partial-failure details when the host sent them. */
export interface HostCallError extends Error {
  initFailure?: { id: string; properties: Record<string, unknown>; reasons: string[] };
}

/** What the engine tells a provider beside the properties of a create or update. */
export interface OperationOptions {
  /** A preview: nothing may be waited for. */
  preview?: boolean;
  /** The resource's custom timeout for this operation, in seconds. */
  timeout?: number;
  /** Default the host's URN (a resource named `gate`). */
  urn?: string;
}

type Props = Record<string, unknown>;

/** The engine's DiffResponse.changes values. */
export const DIFF_NONE = 1;
export const DIFF_SOME = 2;

/** A running provider and typed wrappers of its RPCs. */
export interface ProviderHost {
  /** Everything the host wrote to stdout and stderr so far. */
  output(): string;
  configure(config: Props): Promise<void>;
  checkConfig(news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }>;
  check(olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }>;
  diff(id: string, olds: Props, news: Props): Promise<{ changes: number; replaces: string[] }>;
  create(properties: Props, options?: OperationOptions): Promise<{ id: string; properties: Props }>;
  read(id: string, properties: Props): Promise<{ id: string; properties: Props }>;
  update(id: string, olds: Props, news: Props, options?: OperationOptions): Promise<{ properties: Props }>;
  delete(id: string, properties: Props): Promise<void>;
  invoke(tok: string, args: Props): Promise<{ result?: Props; failures: { property: string; reason: string }[] }>;
  /** The engine's `Cancel`, sent on the first Ctrl-C. */
  cancel(): Promise<void>;
  getSchema(): Promise<string>;
  getPluginInfo(): Promise<string>;
  /** Every gRPC response and error seen, serialized, for leak scans. */
  transcript(): string;
  kill(signal?: NodeJS.Signals): void;
  close(): Promise<void>;
  process: ChildProcess;
}

/** The URN the dynamic host's calls carry. */
export const DYNAMIC_URN = "urn:pulumi:test::redis-task::pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait::gate";
/** The URN of a plugin TaskWait named `name`. */
export const pluginUrn = (name = "gate") => `urn:pulumi:test::redis-task::tencentcloud-redis-task:index:TaskWait::${name}`;

const sdkDir = (projectDir: string) => path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [projectDir] }));

/** Starts the dynamic-provider host in `projectDir` with `env` and connects to it. */
export async function startProviderHost(projectDir: string, env: NodeJS.ProcessEnv = process.env, nodeBinary = PROGRAM_NODE): Promise<ProviderHost> {
  const child = spawn(nodeBinary, [path.join(sdkDir(projectDir), "cmd", "dynamic-provider"), "127.0.0.1:0"], {
    cwd: projectDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return connectProvider(child, projectDir, DYNAMIC_URN);
}

/**
 * Starts the provider plugin as the engine does, through its executable in `projectDir`'s
 * `node_modules/.bin`, with `engineAddress` as its argument (a fake engine's, for its log).
 */
export async function startPluginProcess(projectDir: string, env: NodeJS.ProcessEnv, engineAddress = "127.0.0.1:1"): Promise<ProviderHost> {
  const bin = path.join(projectDir, "node_modules", ".bin", "pulumi-resource-tencentcloud-redis-task");
  // The executable runs `node` from PATH: the one this run is for (Node 22 in the compatibility run).
  const withNode = { ...env, PATH: `${path.dirname(PROGRAM_NODE)}${path.delimiter}${env.PATH ?? ""}` };
  const child = spawn(bin, [engineAddress], { cwd: projectDir, env: withNode, stdio: ["ignore", "pipe", "pipe"] });
  return connectProvider(child, projectDir, pluginUrn());
}

/** Reads the port from `child`'s first stdout line and wraps the ResourceProvider client. */
async function connectProvider(child: ChildProcess, projectDir: string, defaultUrn: string): Promise<ProviderHost> {
  const load = (module: string) => require(require.resolve(module, { paths: [projectDir] }));
  const sdk = sdkDir(projectDir);
  const grpc = load(require.resolve("@grpc/grpc-js", { paths: [sdk] }));
  const proto = load(path.join(sdk, "proto", "provider_pb"));
  const rpc = load(path.join(sdk, "proto", "provider_grpc_pb"));
  const structproto = load(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [sdk] }));
  const emptyproto = load(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [sdk] }));
  const statusproto = load(path.join(sdk, "proto", "status_pb"));
  let output = "";
  let transcript = "";
  const port = await new Promise<number>((resolve, reject) => {
    let firstLine = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!firstLine && output.includes("\n")) {
        firstLine = output.split("\n")[0];
        resolve(Number(firstLine));
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`provider exited with ${code}: ${output}`)));
  });
  const client = new rpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const struct = (value: Props) => structproto.Struct.fromJavaScript(value);
  const failures = (r: any) => r.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() }));

  function call<T>(method: string, request: unknown, unpack: (response: any) => T): Promise<T> {
    return new Promise((resolve, reject) => {
      client[method](request, (error: any, response: any) => {
        if (error) {
          transcript += `${method} error: ${error.message} ${error.details ?? ""}\n`;
          const failure: HostCallError = new Error(error.details || error.message);
          const details = error.metadata?.get("grpc-status-details-bin")?.[0];
          if (details) {
            transcript += `${method} details: ${Buffer.from(details).toString("latin1")}\n`;
            const status = statusproto.Status.deserializeBinary(details);
            const init = status.getDetailsList()[0]?.unpack(proto.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed");
            if (init) failure.initFailure = { id: init.getId(), properties: init.getProperties().toJavaScript(), reasons: init.getReasonsList() };
          }
          reject(failure);
          return;
        }
        const result = unpack(response);
        transcript += `${method}: ${JSON.stringify(result)}\n`;
        resolve(result);
      });
    });
  }

  return {
    process: child,
    output: () => output,
    transcript: () => transcript,
    configure: (config) => {
      const request = new proto.ConfigureRequest();
      request.setArgs(struct(config));
      return call("configure", request, () => undefined);
    },
    checkConfig: (news) => {
      const request = new proto.CheckRequest();
      request.setUrn("urn:pulumi:test::redis-task::pulumi:providers:tencentcloud-redis-task::default");
      request.setOlds(struct({}));
      request.setNews(struct(news));
      return call("checkConfig", request, (r) => ({ inputs: r.getInputs()?.toJavaScript() ?? {}, failures: failures(r) }));
    },
    check: (olds, news) => {
      const request = new proto.CheckRequest();
      request.setUrn(defaultUrn);
      request.setOlds(struct(olds));
      request.setNews(struct(news));
      return call("check", request, (r) => ({ inputs: r.getInputs()?.toJavaScript() ?? {}, failures: failures(r) }));
    },
    diff: (id, olds, news) => {
      const request = new proto.DiffRequest();
      request.setId(id);
      request.setUrn(defaultUrn);
      request.setOlds(struct(olds));
      request.setNews(struct(news));
      return call("diff", request, (r) => ({ changes: r.getChanges(), replaces: r.getReplacesList() }));
    },
    create: (properties, options = {}) => {
      const request = new proto.CreateRequest();
      request.setUrn(options.urn ?? defaultUrn);
      request.setProperties(struct(properties));
      request.setPreview(options.preview ?? false);
      request.setTimeout(options.timeout ?? 0);
      return call("create", request, (r) => ({ id: r.getId(), properties: r.getProperties().toJavaScript() }));
    },
    read: (id, properties) => {
      const request = new proto.ReadRequest();
      request.setId(id);
      request.setUrn(defaultUrn);
      request.setProperties(struct(properties));
      return call("read", request, (r) => ({ id: r.getId(), properties: r.getProperties().toJavaScript() }));
    },
    update: (id, olds, news, options = {}) => {
      const request = new proto.UpdateRequest();
      request.setId(id);
      request.setUrn(options.urn ?? defaultUrn);
      request.setOlds(struct(olds));
      request.setNews(struct(news));
      request.setPreview(options.preview ?? false);
      request.setTimeout(options.timeout ?? 0);
      return call("update", request, (r) => ({ properties: r.getProperties().toJavaScript() }));
    },
    delete: (id, properties) => {
      const request = new proto.DeleteRequest();
      request.setId(id);
      request.setUrn(defaultUrn);
      request.setProperties(struct(properties));
      return call("delete", request, () => undefined);
    },
    invoke: (tok, args) => {
      const request = new proto.InvokeRequest();
      request.setTok(tok);
      request.setArgs(struct(args));
      return call("invoke", request, (r) => ({ result: r.getReturn()?.toJavaScript(), failures: failures(r) }));
    },
    cancel: () => call("cancel", new emptyproto.Empty(), () => undefined),
    getSchema: () => {
      const request = new proto.GetSchemaRequest();
      return call("getSchema", request, (r) => r.getSchema());
    },
    getPluginInfo: () => call("getPluginInfo", new emptyproto.Empty(), (r) => r.getVersion()),
    kill: (signal = "SIGKILL") => {
      child.kill(signal);
    },
    close: async () => {
      client.close();
      await stopChild(child);
    },
  };
}
