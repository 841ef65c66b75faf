/**
 * The `pulumirpc.ResourceProvider` service of the plugin: each method unpacks the engine's
 * request, calls the door (`resources.ts`, `getTaskInfoInvoke`, `pluginConfig`) and packs the
 * answer. Methods left out (DiffConfig, Construct, Call, Parameterize, mappings) answer
 * UNIMPLEMENTED, which the engine handles as "use the defaults".
 */
import type { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from "@grpc/grpc-js";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { CANCEL_REASON, cancelWaitsInProgress, withinOperation } from "../../gate/cancellation";
import { configureRateLimit } from "../../gate/rateLimit";
import { setProviderConfig } from "../../resources/providerSettings";
import type { CheckFailure } from "../../resources/core";
import { withProgressSink } from "../../gate/progressSink";
import { engineLog, type EngineLog } from "./engineLog";
import { invokeFunction } from "./getTaskInfoInvoke";
import { PLUGIN_FUNCTIONS, PLUGIN_RESOURCES } from "./resources";
import { checkPluginConfig, configValues, pluginConfigLookup, PLUGIN_SETTING_SOURCES } from "./pluginConfig";
import type { Props } from "./properties";
import { rpc } from "./rpc";
import { toServiceError } from "./rpcErrors";
import { pluginSchema } from "./schema";
import { PLUGIN_PACKAGE } from "./tokens";
import type { PluginResource, ResourceContext } from "./resourceDoor";

/** A unary method: the handler's result, or its error as the engine reads errors. */
function unary<Req, Res>(handle: (request: Req) => Promise<Res> | Res) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    Promise.resolve()
      .then(() => handle(call.request))
      .then(
        (response) => callback(null, response),
        (error) => callback(toServiceError(error), null),
      );
  };
}

const props = (struct: Struct | undefined): Props => (struct?.toJavaScript() ?? {}) as Props;

/** The type and name in a URN: `urn:pulumi:stack::project::[parent$]type::name`. */
function urnParts(urn: string): { type: string; name: string } {
  const [, , qualifiedType = "", ...name] = urn.split("::");
  return { type: qualifiedType.split("$").pop()!, name: name.join("::") };
}

/** The resource the request is about and its context; an unknown type is an error. */
function resourceOf(request: { getUrn(): string; getTimeout?(): number }): { door: PluginResource; context: ResourceContext } {
  const { type, name } = urnParts(request.getUrn());
  const door = PLUGIN_RESOURCES[type];
  if (!door) throw new Error(`${PLUGIN_PACKAGE}: unknown resource type ${type}`);
  return { door, context: { name, timeoutSeconds: request.getTimeout?.() ?? 0 } };
}

/** The service implementation; `engineAddress` is where the engine's log listens (the plugin's last argument). */
export function resourceProviderService(engineAddress?: string): UntypedServiceImplementation {
  const { provider: pb, plugin, struct, empty } = rpc();
  let log: EngineLog | undefined;
  let logAddress: string | undefined;
  // The address arrives as the plugin's argument and again in Handshake (or Attach): one client per address.
  const useEngine = (address: string | undefined) => {
    if (!address || address === logAddress) return;
    logAddress = address;
    log = engineLog(address);
  };
  useEngine(engineAddress);
  /**
   * Runs a resource operation, begun as the request arrives (a Cancel after this ends its waits,
   * even one it registers later), with its progress lines going to the engine's log for `urn`.
   */
  const reporting = <T>(urn: string, operation: () => Promise<T>): Promise<T> =>
    withinOperation(() => {
      const send = log;
      return send ? withProgressSink((line, options) => send(urn, line, options), operation) : operation();
    });
  const toStruct = (value: Props) => struct.Struct.fromJavaScript(value as never);
  const failureList = (failures: CheckFailure[]) =>
    failures.map((failure) => {
      const message = new pb.CheckFailure();
      message.setProperty(failure.property);
      message.setReason(failure.reason);
      return message;
    });
  const checkResponse = (result: { inputs: Props; failures: CheckFailure[] }) => {
    const response = new pb.CheckResponse();
    response.setInputs(toStruct(result.inputs));
    response.setFailuresList(failureList(result.failures));
    return response;
  };

  return {
    handshake: unary((request: InstanceType<typeof pb.ProviderHandshakeRequest>) => {
      useEngine(request.getEngineAddress());
      const response = new pb.ProviderHandshakeResponse();
      response.setAcceptSecrets(true);
      response.setAcceptResources(true);
      return response;
    }),
    attach: unary((request: InstanceType<typeof plugin.PluginAttach>) => {
      useEngine(request.getAddress());
      return new empty.Empty();
    }),
    getPluginInfo: unary(() => {
      const info = new plugin.PluginInfo();
      info.setVersion(pluginSchema().version);
      return info;
    }),
    getSchema: unary((request: InstanceType<typeof pb.GetSchemaRequest>) => {
      if (request.getVersion() !== 0) throw new Error(`unsupported schema version ${request.getVersion()}`);
      const response = new pb.GetSchemaResponse();
      response.setSchema(pluginSchema().text);
      return response;
    }),
    checkConfig: unary((request: InstanceType<typeof pb.CheckRequest>) => checkResponse(checkPluginConfig(props(request.getNews())))),
    configure: unary((request: InstanceType<typeof pb.ConfigureRequest>) => {
      const variables = Object.fromEntries(request.getVariablesMap().toObject());
      const lookup = pluginConfigLookup(configValues(props(request.getArgs()), variables));
      setProviderConfig(lookup, PLUGIN_SETTING_SOURCES);
      configureRateLimit(lookup);
      const response = new pb.ConfigureResponse();
      response.setAcceptsecrets(true);
      response.setAcceptresources(true);
      response.setSupportspreview(true);
      return response;
    }),
    invoke: unary(async (request: InstanceType<typeof pb.InvokeRequest>) => {
      const fn = PLUGIN_FUNCTIONS[request.getTok()];
      if (!fn) throw new Error(`unknown function ${request.getTok()}`);
      const { result, failures } = await invokeFunction(fn, props(request.getArgs()));
      const response = new pb.InvokeResponse();
      if (result) response.setReturn(toStruct(result));
      response.setFailuresList(failureList(failures));
      return response;
    }),
    check: unary(async (request: InstanceType<typeof pb.CheckRequest>) => {
      const { door } = resourceOf(request);
      return checkResponse(await door.check(props(request.getOlds()), props(request.getNews())));
    }),
    diff: unary(async (request: InstanceType<typeof pb.DiffRequest>) => {
      const { door } = resourceOf(request);
      const result = await door.diff(request.getId(), props(request.getOlds()), props(request.getNews()));
      const response = new pb.DiffResponse();
      response.setChanges(result.changes ? pb.DiffResponse.DiffChanges.DIFF_SOME : pb.DiffResponse.DiffChanges.DIFF_NONE);
      response.setReplacesList(result.replaces);
      // What changed, so the engine shows the property (a resume lists `status`, a new default region `region`).
      response.setDiffsList(result.diffs);
      const detailed = response.getDetaileddiffMap();
      for (const change of result.detailed) {
        const diff = new pb.PropertyDiff();
        diff.setKind(change.replace ? pb.PropertyDiff.Kind.UPDATE_REPLACE : pb.PropertyDiff.Kind.UPDATE);
        diff.setInputdiff(change.input);
        detailed.set(change.name, diff);
      }
      response.setHasdetaileddiff(true);
      response.setDeletebeforereplace(result.deleteBeforeReplace);
      return response;
    }),
    create: unary(async (request: InstanceType<typeof pb.CreateRequest>) => {
      const { door, context } = resourceOf(request);
      const result = await reporting(request.getUrn(), () => door.create(props(request.getProperties()), context, request.getPreview()));
      const response = new pb.CreateResponse();
      response.setId(result.id);
      response.setProperties(toStruct(result.outs));
      return response;
    }),
    update: unary(async (request: InstanceType<typeof pb.UpdateRequest>) => {
      const { door, context } = resourceOf(request);
      const result = await reporting(request.getUrn(), () =>
        door.update(request.getId(), props(request.getOlds()), props(request.getNews()), context, request.getPreview()),
      );
      const response = new pb.UpdateResponse();
      response.setProperties(toStruct(result.outs));
      return response;
    }),
    read: unary(async (request: InstanceType<typeof pb.ReadRequest>) => {
      const { door } = resourceOf(request);
      // A refresh's warnings (a task the API forgot) reach the engine's log like progress lines.
      const result = await reporting(request.getUrn(), () => door.read(request.getId(), props(request.getProperties())));
      const response = new pb.ReadResponse();
      response.setId(result.id);
      response.setProperties(toStruct(result.props));
      // The inputs stay as the program gave them (a refresh changes only what the task reports);
      // an import has none yet and takes the door's.
      if (result.inputs) response.setInputs(toStruct(result.inputs));
      else if (request.getInputs()) response.setInputs(request.getInputs());
      return response;
    }),
    // A gate needs no cleanup: deleting one only forgets it, without an API call.
    delete: unary((request: InstanceType<typeof pb.DeleteRequest>) => {
      resourceOf(request);
      return new empty.Empty();
    }),
    // The engine's first Ctrl-C: every wait in progress ends now and its gate is recorded as not ready.
    cancel: unary(() => {
      cancelWaitsInProgress(CANCEL_REASON);
      return new empty.Empty();
    }),
  };
}
