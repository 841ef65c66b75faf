/**
 * Drives the real dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) over gRPC, as the
 * Pulumi engine does: spawned in a project directory, its port read from the first stdout line.
 * The gRPC and protobuf modules are loaded from that project, so they match its SDK version.
 */
import { spawn, type ChildProcess } from "child_process";
import * as path from "path";
import { stopChild } from "./childProcess";
import { PROGRAM_NODE } from "./packedProject";

/** The error of a failed create/update, with the partial-failure details when the host sent them. */
export interface HostCallError extends Error {
  initFailure?: { id: string; properties: Record<string, unknown>; reasons: string[] };
}

/** A running provider host and typed wrappers of its RPCs. */
export interface ProviderHost {
  /** Everything the host wrote to stdout and stderr so far. */
  output(): string;
  configure(config: Record<string, string>): Promise<void>;
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ inputs: Record<string, unknown>; failures: { property: string; reason: string }[] }>;
  diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ changes: number; replaces: string[] }>;
  create(properties: Record<string, unknown>): Promise<{ id: string; properties: Record<string, unknown> }>;
  read(id: string, properties: Record<string, unknown>): Promise<{ id: string; properties: Record<string, unknown> }>;
  update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ properties: Record<string, unknown> }>;
  delete(id: string, properties: Record<string, unknown>): Promise<void>;
  /** The engine's `Cancel`, sent on the first Ctrl-C. */
  cancel(): Promise<void>;
  /** Every gRPC response and error seen, serialized, for leak scans. */
  transcript(): string;
  kill(signal?: NodeJS.Signals): void;
  close(): Promise<void>;
  process: ChildProcess;
}

const URN = "urn:pulumi:test::redis-task::pulumi-nodejs:dynamic/tencentcloud-redis:TaskWait::gate";

/** Starts the host in `projectDir` with `env` and connects to it. */
export async function startProviderHost(projectDir: string, env: NodeJS.ProcessEnv = process.env, nodeBinary = PROGRAM_NODE): Promise<ProviderHost> {
  const load = (module: string) => require(require.resolve(module, { paths: [projectDir] }));
  const grpc = load("@grpc/grpc-js");
  const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [projectDir] }));
  const proto = load(path.join(sdk, "proto", "provider_pb"));
  const rpc = load(path.join(sdk, "proto", "provider_grpc_pb"));
  const structproto = load("google-protobuf/google/protobuf/struct_pb");
  const statusproto = load(path.join(sdk, "proto", "status_pb"));

  const child = spawn(nodeBinary, [path.join(sdk, "cmd", "dynamic-provider"), "127.0.0.1:0"], {
    cwd: projectDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
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
    child.once("exit", (code) => reject(new Error(`provider host exited with ${code}: ${output}`)));
  });
  const client = new rpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const struct = (value: Record<string, unknown>) => structproto.Struct.fromJavaScript(value);

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
    check: (olds, news) => {
      const request = new proto.CheckRequest();
      request.setUrn(URN);
      request.setOlds(struct(olds));
      request.setNews(struct(news));
      return call("check", request, (r) => ({
        inputs: r.getInputs()?.toJavaScript() ?? {},
        failures: r.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
      }));
    },
    diff: (id, olds, news) => {
      const request = new proto.DiffRequest();
      request.setId(id);
      request.setUrn(URN);
      request.setOlds(struct(olds));
      request.setNews(struct(news));
      return call("diff", request, (r) => ({ changes: r.getChanges(), replaces: r.getReplacesList() }));
    },
    create: (properties) => {
      const request = new proto.CreateRequest();
      request.setUrn(URN);
      request.setProperties(struct(properties));
      return call("create", request, (r) => ({ id: r.getId(), properties: r.getProperties().toJavaScript() }));
    },
    read: (id, properties) => {
      const request = new proto.ReadRequest();
      request.setId(id);
      request.setUrn(URN);
      request.setProperties(struct(properties));
      return call("read", request, (r) => ({ id: r.getId(), properties: r.getProperties().toJavaScript() }));
    },
    update: (id, olds, news) => {
      const request = new proto.UpdateRequest();
      request.setId(id);
      request.setUrn(URN);
      request.setOlds(struct(olds));
      request.setNews(struct(news));
      return call("update", request, (r) => ({ properties: r.getProperties().toJavaScript() }));
    },
    delete: (id, properties) => {
      const request = new proto.DeleteRequest();
      request.setId(id);
      request.setUrn(URN);
      request.setProperties(struct(properties));
      return call("delete", request, () => undefined);
    },
    cancel: () => call("cancel", new (load("google-protobuf/google/protobuf/empty_pb").Empty)(), () => undefined),
    kill: (signal = "SIGKILL") => {
      child.kill(signal);
    },
    close: async () => {
      client.close();
      await stopChild(child);
    },
  };
}
