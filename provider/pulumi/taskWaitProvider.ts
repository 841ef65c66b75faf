/**
 * The TaskWait provider as the dynamic-provider host calls it (through the stub in
 * `providerStub.ts`). `create` waits; `update` resumes a wait that has not succeeded; `read`
 * queries once; there is no `delete`, since a task needs no cleanup.
 */
import { lookupSetting, resolveClientSettings } from "../api/settings";
import { TaskApiError } from "../api/errors";
import { isUnknownTaskCode } from "../api/classify";
import { TaskStatus } from "../api/status";
import { parseEndpoint } from "../input/fields";
import { readRedisTask } from "../gate/readRedisTask";
import { waitForRedisTask } from "../gate/waitForRedisTask";
import { currentProgressWriter, type ProgressWriter } from "../gate/progressSink";
import { withinOperation } from "../gate/cancellation";
import { configureRateLimit } from "../gate/rateLimit";
import { checkTaskWaitInputs, toTaskWaitInputs, type CheckFailure } from "./checkInputs";
import { providerConfig, providerSettingSources, setProviderConfig } from "./providerSettings";
import { CONFIGURE_SLOT } from "./providerStub";
import { taskGoneWarning, waitOutcome } from "./waitOutcome";
import { watchHostCancel } from "./hostCancel";
import { redactingErrors, redactRequestId, secretTaskWaitId } from "./secretRequestId";
import type { TaskWaitInputs, TaskWaitOutputs } from "./taskWaitTypes";

type Props = Record<string, unknown>;

/** The fields that change how to wait, not what: updated in place. */
const TUNING_FIELDS = ["timeout", "minPollInterval", "maxPollInterval", "displayName"] as const;

/** True for an API answer that says the task does not exist (any more). */
function isTaskGone(error: unknown): boolean {
  return error instanceof TaskApiError && error.kind === "api" && error.code !== undefined && isUnknownTaskCode(error.code);
}

/** Settings for a TaskWait's calls: its inputs first, then stack config, then the environment. */
function settingsFor(inputs: TaskWaitInputs) {
  return resolveClientSettings({ region: inputs.region, endpoint: inputs.endpoint, apiVersion: inputs.apiVersion }, providerConfig(), process.env, providerSettingSources());
}

/** The region a TaskWait without a `region` input would use now, if one is configured. */
function defaultRegion(): string | undefined {
  return lookupSetting("region", {}, providerConfig(), process.env, providerSettingSources()).value;
}

/** The endpoint a TaskWait without an `endpoint` input would use now (config, environment), normalized; undefined: the public one. */
function defaultEndpoint(): string | undefined {
  return parseEndpoint(lookupSetting("endpoint", {}, providerConfig(), process.env, providerSettingSources()).value);
}

/** How progress lines and warnings name a TaskWait: `TaskWait gate`. */
function labelOf(inputs: TaskWaitInputs): string {
  return `TaskWait ${inputs.displayName ?? inputs.requestId}`;
}

/**
 * Where progress lines and warnings go: the operation's progress sink (stderr for the dynamic
 * host, the engine's log for the plugin), with a secret requestId redacted.
 */
function writerFor(raw: Props): ProgressWriter {
  const write = currentProgressWriter();
  const secret = raw.requestIdIsSecret === true;
  return (line, options) => write(secret ? redactRequestId(line, raw.requestId) : line, options);
}

/** Runs a provider method; its errors leave without a secret requestId. */
function shielded<T>(raw: Props, action: () => Promise<T>): Promise<T> {
  return redactingErrors(raw.requestId, raw.requestIdIsSecret === true, action);
}

/**
 * Waits for the task and returns the outputs, or throws (failed task, partial failure on timeout).
 * `id` is the resource's ID, or undefined for a new one.
 */
function waitAndRecord(raw: Props, id?: string, previous?: Props): Promise<{ id: string; outs: Props }> {
  return shielded(raw, async () => {
    const inputs = toTaskWaitInputs(raw);
    const settings = settingsFor(inputs);
    const result = await waitForRedisTask({
      requestId: inputs.requestId,
      settings,
      timeout: inputs.timeout,
      minPollInterval: inputs.minPollInterval,
      maxPollInterval: inputs.maxPollInterval,
      label: labelOf(inputs),
      writeProgress: writerFor(raw),
    });
    const resourceId = id ?? (inputs.requestIdIsSecret ? secretTaskWaitId() : String(inputs.requestId));
    return waitOutcome(resourceId, raw, inputs, settings, result, previous);
  });
}

/**
 * The properties a diff names (the engine shows them, and the plugin reports them as `diffs` and
 * `detailedDiff`): the replaced and retuned inputs, and `status` for a gate not recorded as
 * succeeded, whose update resumes the wait.
 */
function changedProperties(replaces: string[], tuned: readonly string[], notReady: boolean): string[] {
  // displayName is the resource's name, which the engine shows anyway.
  const named = [...replaces, ...tuned.filter((field) => field !== "displayName")];
  return notReady ? [...named, "status"] : named;
}

/** The Configure request that the serialized stub stashed (see `providerStub.ts`), applied once on first use. */
async function applyStashedConfigure(): Promise<void> {
  const slot = globalThis as Record<string, unknown>;
  const request = slot[CONFIGURE_SLOT] as ConfigureRequest | undefined;
  if (request === undefined) return;
  delete slot[CONFIGURE_SLOT];
  await taskWaitProvider.configure(request);
}

/** What the host's `configure` passes: the stack config, secrets decrypted. */
interface ConfigureRequest {
  config: { get(key: string): string | undefined };
}

/** The provider methods the serialized stub calls by package name (see `providerStub.ts`). */
export const taskWaitProvider = {
  /** Called directly by the stubs that earlier versions of this package wrote into state, and by {@link applyStashedConfigure}. */
  async configure(req: ConfigureRequest): Promise<void> {
    setProviderConfig((key) => req.config.get(key));
    configureRateLimit(providerConfig());
    // The host configures a provider before any other call; the plugin has a Cancel of its own.
    watchHostCancel();
  },

  async check(_olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
    await applyStashedConfigure();
    return checkTaskWaitInputs(news);
  },

  async diff(_id: string, olds: Props, news: Props) {
    await applyStashedConfigure();
    const replaces: string[] = [];
    const changed = (field: string, oldValue: unknown, newValue: unknown) => {
      if (String(oldValue ?? "") !== String(newValue ?? "")) replaces.push(field);
    };
    changed("requestId", olds.requestId, news.requestId);
    // `region` is recorded resolved; an input left out stands for the configured default.
    changed("region", olds.region, news.region ?? defaultRegion() ?? olds.region);
    // Either side without an `endpoint` input stands for the configured default: removing an
    // endpoint equal to it changes nothing.
    changed("endpoint", parseEndpoint(olds.endpoint) ?? defaultEndpoint(), parseEndpoint(news.endpoint) ?? defaultEndpoint());
    changed("apiVersion", olds.apiVersion ?? "v2", news.apiVersion ?? "v2");
    // A gate whose requestId became secret needs an ID that does not show it: a new one.
    // (Reported as a change of requestId, the property users see.)
    if ((olds.requestIdIsSecret === true) !== (news.requestIdIsSecret === true) && !replaces.includes("requestId")) replaces.push("requestId");
    const tuned = TUNING_FIELDS.filter((field) => String(olds[field] ?? "") !== String(news[field] ?? ""));
    // A gate not recorded as succeeded (a timeout, or a refresh that cleared the init error)
    // must be updated, which resumes the wait; otherwise dependents would proceed.
    const notReady = olds.status !== TaskStatus.Succeeded;
    return {
      changes: replaces.length > 0 || tuned.length > 0 || notReady,
      replaces,
      diffs: changedProperties(replaces, tuned, notReady),
      deleteBeforeReplace: false,
    };
  },

  // Operations begin on entry: the engine's Cancel during the awaits before the wait still ends it.
  create(inputs: Props): Promise<{ id: string; outs: Props }> {
    return withinOperation(async () => {
      await applyStashedConfigure();
      return waitAndRecord(inputs);
    });
  },

  update(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
    return withinOperation(() => updateGate(id, olds, news));
  },

  read(id: string, props: Props): Promise<{ id: string; props: Props }> {
    return withinOperation(() => readGate(id, props));
  },
};

/** `update`: records new tuning of a succeeded gate, or resumes the wait of one that is not. */
async function updateGate(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  await applyStashedConfigure();
  if (olds.status === TaskStatus.Succeeded) {
    // Already succeeded: new tuning settings are recorded without waiting again; a removed one
    // is dropped (a protobuf Struct cannot carry undefined), so the next diff sees no change.
    const outs: Props = { ...olds };
    for (const field of TUNING_FIELDS) {
      if (news[field] === undefined || news[field] === null) delete outs[field];
      else outs[field] = news[field];
    }
    return { outs };
  }
  const { outs } = await waitAndRecord(news, id, olds);
  return { outs };
}

/** `read`: the task's state now, never waiting; a gate whose task the API forgot is kept or dropped. */
async function readGate(id: string, props: Props): Promise<{ id: string; props: Props }> {
  await applyStashedConfigure();
  return shielded(props, async () => {
    const inputs = toTaskWaitInputs(props);
    const settings = settingsFor(inputs);
    let record;
    try {
      record = await readRedisTask({ requestId: inputs.requestId, settings });
    } catch (error) {
      if (!isTaskGone(error)) throw error;
      // The API forgets old tasks; a gate that saw its task succeed stays succeeded.
      if (props.status === TaskStatus.Succeeded) return { id, props };
      // One that never did cannot succeed any more: reported gone (an empty ID), so the refresh
      // drops it and completes for the other resources, as for anything deleted outside Pulumi.
      writerFor(props)(`[${labelOf(inputs)}] ${taskGoneWarning(inputs.requestId, (error as Error).message)}`);
      return { id: "", props: {} };
    }
    const refreshed: Partial<TaskWaitOutputs> = { status: record.status, statusText: record.statusText };
    for (const field of ["taskType", "instanceId", "startTime"] as const) if (record[field] !== undefined) refreshed[field] = record[field];
    return { id, props: { ...props, ...refreshed } };
  });
}
