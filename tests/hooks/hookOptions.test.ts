/** The hooks' options: defaults, where settings come from and when, and bad input naming the option. */
import { InputError, TaskApiError } from "../../provider/api/errors";
import { DEFAULT_MAX_RETRIES, resolveHookOptions } from "../../provider/hooks/hookOptions";
import { idleHookCallback } from "../../provider/hooks/hookCallbacks";
import { CONFIG } from "./fakeTaskList";

const lookup = (config: Record<string, string>) => (key: string) => config[key];

describe("resolveHookOptions", () => {
  it("defaults: 30 minutes, failOn none, 5 retries, API 3.0 with the stack config's settings", () => {
    const hook = resolveHookOptions("idle", {}, lookup(CONFIG), {});
    expect(hook).toMatchObject({ hookName: "idle", timeout: "30m", failOn: "none", after: false, maxRetries: DEFAULT_MAX_RETRIES });
    expect(hook.settings).toMatchObject({ secretId: "AKIDtest", secretKey: "key", region: "ap-guangzhou", apiVersion: "v3" });
    expect(hook.instanceId).toBeUndefined();
  });

  it("an after-hook fails on a task that fails meanwhile unless told otherwise", () => {
    expect(resolveHookOptions("a", { after: true }, lookup(CONFIG), {}).failOn).toBe("failedSinceStart");
    expect(resolveHookOptions("a", { after: true, failOn: "none" }, lookup(CONFIG), {}).failOn).toBe("none");
  });

  it("takes options over stack config over the environment, read once when the hook is made", () => {
    const env: NodeJS.ProcessEnv = { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: "envkey", TENCENTCLOUD_REGION: "ap-beijing", TENCENTCLOUD_REDIS_ENDPOINT: "http://127.0.0.1:9" };
    const fromEnv = resolveHookOptions("e", {}, lookup({}), env);
    expect(fromEnv.settings).toMatchObject({ secretId: "AKIDenv", region: "ap-beijing", endpoint: "http://127.0.0.1:9" });
    const fromConfig = resolveHookOptions("c", {}, lookup(CONFIG), env);
    expect(fromConfig.settings).toMatchObject({ secretId: "AKIDtest", region: "ap-guangzhou" });
    const explicit = resolveHookOptions("o", { region: "ap-shanghai", endpoint: "http://127.0.0.1:8/" }, lookup(CONFIG), env);
    expect(explicit.settings).toMatchObject({ region: "ap-shanghai", endpoint: "http://127.0.0.1:8" });
    env.TENCENTCLOUD_REGION = "ap-chengdu";
    expect(fromEnv.settings).toMatchObject({ region: "ap-beijing" });
  });

  it("keeps missing credentials for the hook's run, which fails naming the config keys", async () => {
    const hook = resolveHookOptions("idle", { instanceId: "crs-abcd1234" }, lookup({}), {});
    expect(hook.settings).toBeInstanceOf(TaskApiError);
    await expect(idleHookCallback(hook, { writeProgress: () => undefined })({ name: "params" })).rejects.toThrow(/tencentcloud:secretId, tencentcloud:secretKey, tencentcloud:region/);
  });

  it.each([
    [{ apiVersion: "v2" }, "options.apiVersion", /options\.apiVersion "v2" cannot list/],
    [{ apiVersion: "v4" }, "options.apiVersion", /"v2" \(API 2\.0\) or "v3"/],
    [{ timeout: "soon" }, "options.timeout", /options\.timeout must be a positive duration/],
    [{ minPollInterval: "10s", maxPollInterval: "5s" }, "options.minPollInterval", /must not exceed options\.maxPollInterval/],
    [{ instanceId: "cache" }, "options.instanceId", /"crs-" and 8 lower-case/],
    [{ taskTypes: ["FLOW_NOPE"] }, "options.taskTypes", /options\.taskTypes\[0\] "FLOW_NOPE" is not a Redis task type/],
    [{ failOn: "always" }, "options.failOn", /"none" or "failedSinceStart"/],
    [{ maxRetries: -1 }, "options.maxRetries", /whole number of retries/],
    [{ region: "Guangzhou" }, "options.region", /region name/],
  ])("refuses %j, naming %s", (options, field, message) => {
    const attempt = () => resolveHookOptions("bad", options as never, lookup(CONFIG), {});
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as InputError).field).toBe(field);
    }
  });

  it("refuses a hook without a name", () => {
    expect(() => resolveHookOptions("", {}, lookup(CONFIG), {})).toThrow(/hook's name must be a non-empty string/);
  });
});
