/** Where credentials, region and endpoint come from: explicit, then stack config, then environment. */
import { InputError, TaskApiError } from "../../provider/api/errors";
import { DEFAULT_REQUEST_TIMEOUT_MS, resolveClientSettings, SETTING_SOURCES, type ConfigLookup, type SettingSources } from "../../provider/api/settings";

const fullEnv = {
  TENCENTCLOUD_SECRET_ID: "env-id",
  TENCENTCLOUD_SECRET_KEY: "env-key",
  TENCENTCLOUD_SECURITY_TOKEN: "env-token",
  TENCENTCLOUD_REGION: "ap-shanghai",
  TENCENTCLOUD_REDIS_ENDPOINT: "http://127.0.0.1:9000",
};
const fullConfig: Record<string, string> = {
  "tencentcloud:secretId": "config-id",
  "tencentcloud:secretKey": "config-key",
  "tencentcloud:securityToken": "config-token",
  "tencentcloud:region": "ap-beijing",
  "tencentcloud-redis-task:endpoint": "http://127.0.0.1:9001",
};
const lookup =
  (values: Record<string, string>): ConfigLookup =>
  (key) =>
    values[key];

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("precedence", () => {
  it("takes everything from the environment when nothing else is given", () => {
    expect(resolveClientSettings({}, undefined, fullEnv)).toEqual({
      secretId: "env-id",
      secretKey: "env-key",
      token: "env-token",
      region: "ap-shanghai",
      endpoint: "http://127.0.0.1:9000",
      apiVersion: "v2",
      signatureMethod: undefined,
      requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
    });
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(10_000);
  });

  it("prefers stack config over the environment", () => {
    expect(resolveClientSettings({}, lookup(fullConfig), fullEnv)).toMatchObject({
      secretId: "config-id",
      secretKey: "config-key",
      token: "config-token",
      region: "ap-beijing",
      endpoint: "http://127.0.0.1:9001",
    });
  });

  it("prefers explicit values over stack config and the environment", () => {
    const settings = resolveClientSettings(
      {
        secretId: "x-id",
        secretKey: "x-key",
        token: "x-token",
        region: "na-siliconvalley",
        endpoint: "https://redis.example.com:8443/",
        apiVersion: "v3",
        signatureMethod: "HmacSHA1",
        requestTimeoutMs: 500,
      },
      lookup(fullConfig),
      fullEnv,
    );
    expect(settings).toEqual({
      secretId: "x-id",
      secretKey: "x-key",
      token: "x-token",
      region: "na-siliconvalley",
      endpoint: "https://redis.example.com:8443",
      apiVersion: "v3",
      signatureMethod: "HmacSHA1",
      requestTimeoutMs: 500,
    });
  });

  it("resolves each field on its own: a gap in one source falls through to the next", () => {
    const settings = resolveClientSettings({ region: "ap-chengdu" }, lookup({ "tencentcloud:secretKey": "config-key" }), fullEnv);
    expect(settings).toMatchObject({ secretId: "env-id", secretKey: "config-key", region: "ap-chengdu", token: "env-token" });
  });

  it("treats empty strings as unset in every source", () => {
    const settings = resolveClientSettings({ secretId: "" }, lookup({ "tencentcloud:secretId": "" }), fullEnv);
    expect(settings.secretId).toBe("env-id");
  });

  it("reads the real process environment by default", () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "proc-id", TENCENTCLOUD_SECRET_KEY: "proc-key", TENCENTCLOUD_REGION: "ap-hongkong" });
      expect(resolveClientSettings()).toMatchObject({ secretId: "proc-id", secretKey: "proc-key", region: "ap-hongkong" });
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});

describe("temporary token", () => {
  const base = { TENCENTCLOUD_SECRET_ID: "id", TENCENTCLOUD_SECRET_KEY: "key", TENCENTCLOUD_REGION: "ap-guangzhou" };

  it("accepts TENCENTCLOUD_SECURITY_TOKEN", () => {
    expect(resolveClientSettings({}, undefined, { ...base, TENCENTCLOUD_SECURITY_TOKEN: "sec" }).token).toBe("sec");
  });

  it("accepts TENCENTCLOUD_SESSION_TOKEN", () => {
    expect(resolveClientSettings({}, undefined, { ...base, TENCENTCLOUD_SESSION_TOKEN: "sess" }).token).toBe("sess");
  });

  it("prefers TENCENTCLOUD_SECURITY_TOKEN when both are set", () => {
    expect(resolveClientSettings({}, undefined, { ...base, TENCENTCLOUD_SESSION_TOKEN: "sess", TENCENTCLOUD_SECURITY_TOKEN: "sec" }).token).toBe("sec");
  });

  it("has no token when none is set", () => {
    expect(resolveClientSettings({}, undefined, base).token).toBeUndefined();
  });
});

describe("missing settings", () => {
  it("names every config key and variable when nothing is set", () => {
    const error = thrown(() => resolveClientSettings({}, undefined, {}));
    expect(error).toBeInstanceOf(TaskApiError);
    expect(error).toMatchObject({ kind: "credentials", retryable: false });
    for (const name of [
      "tencentcloud:secretId",
      "tencentcloud:secretKey",
      "tencentcloud:region",
      "TENCENTCLOUD_SECRET_ID",
      "TENCENTCLOUD_SECRET_KEY",
      "TENCENTCLOUD_REGION",
    ]) {
      expect(error.message).toContain(name);
    }
  });

  it("names only what is missing: the secret key", () => {
    const error = thrown(() => resolveClientSettings({}, undefined, { TENCENTCLOUD_SECRET_ID: "id", TENCENTCLOUD_REGION: "ap-guangzhou" }));
    expect(error).toMatchObject({ kind: "credentials" });
    expect(error.message).toContain("tencentcloud:secretKey");
    expect(error.message).toContain("TENCENTCLOUD_SECRET_KEY");
    expect(error.message).not.toContain("tencentcloud:secretId");
    expect(error.message).not.toContain("TENCENTCLOUD_REGION");
  });

  it("names only what is missing: the region", () => {
    const error = thrown(() => resolveClientSettings({ secretId: "id", secretKey: "key" }, undefined, {}));
    expect(error).toMatchObject({ kind: "credentials" });
    expect(error.message).toContain("tencentcloud:region");
    expect(error.message).toContain("TENCENTCLOUD_REGION");
    expect(error.message).not.toContain("TENCENTCLOUD_SECRET_KEY");
  });

  it("never echoes a secret key it did find", () => {
    const error = thrown(() => resolveClientSettings({ secretKey: "the-secret-key-value" }, undefined, {}));
    expect(error.message).not.toContain("the-secret-key-value");
  });
});

describe("other config keys (the provider plugin's namespace)", () => {
  const sources: SettingSources = {
    ...SETTING_SOURCES,
    secretId: { ...SETTING_SOURCES.secretId, config: "plugin:secretId" },
    region: { ...SETTING_SOURCES.region, config: "plugin:region" },
  };

  it("reads the keys `sources` names, not the default ones", () => {
    const config = lookup({ "plugin:secretId": "plugin-id", "tencentcloud:secretId": "ignored", "plugin:region": "ap-chengdu" });
    const settings = resolveClientSettings({}, config, { TENCENTCLOUD_SECRET_KEY: "env-key" }, sources);
    expect(settings).toMatchObject({ secretId: "plugin-id", secretKey: "env-key", region: "ap-chengdu" });
  });

  it("names those keys when a setting is missing", () => {
    const error = thrown(() => resolveClientSettings({}, undefined, {}, sources));
    expect(error.message).toContain("set the stack config plugin:secretId, tencentcloud:secretKey, plugin:region");
    expect(error.message).not.toContain("tencentcloud:secretId");
  });

  it("names the key a bad value came from", () => {
    const error = thrown(() => resolveClientSettings({}, lookup({ "plugin:region": "Chengdu" }), {}, sources));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain("plugin:region must be a Tencent Cloud region name");
  });
});

describe("endpoint", () => {
  const creds = { secretId: "id", secretKey: "key", region: "ap-guangzhou" };

  it("uses TENCENTCLOUD_REDIS_ENDPOINT, trailing slash dropped", () => {
    expect(resolveClientSettings(creds, undefined, { TENCENTCLOUD_REDIS_ENDPOINT: "http://127.0.0.1:43121/" }).endpoint).toBe("http://127.0.0.1:43121");
  });

  it("is undefined (the public endpoint) when unset", () => {
    expect(resolveClientSettings(creds, undefined, {}).endpoint).toBeUndefined();
  });
});

describe("invalid values", () => {
  const creds = { secretId: "id", secretKey: "key" };

  it.each([
    ["an explicit region", { ...creds, region: "NOT_A_REGION" }, {}, "region"],
    ["a region from the environment (named by its variable)", creds, { TENCENTCLOUD_REGION: "Guangzhou" }, "TENCENTCLOUD_REGION"],
    ["an explicit ftp endpoint", { ...creds, region: "ap-guangzhou", endpoint: "ftp://x" }, {}, "endpoint"],
    ["an endpoint from the environment (named by its variable)", { ...creds, region: "ap-guangzhou" }, { TENCENTCLOUD_REDIS_ENDPOINT: "not a url" }, "TENCENTCLOUD_REDIS_ENDPOINT"],
    ["an endpoint with a query", { ...creds, region: "ap-guangzhou", endpoint: "http://x/?a=1" }, {}, "endpoint"],
    ["an apiVersion", { ...creds, region: "ap-guangzhou", apiVersion: "v9" as never }, {}, "apiVersion"],
  ])("rejects %s with an InputError naming the field", (_name, explicit, env, field) => {
    const error = thrown(() => resolveClientSettings(explicit, undefined, env));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect(error.message.startsWith(field + " ")).toBe(true);
  });

  it("quotes the bad value in the message", () => {
    const error = thrown(() => resolveClientSettings({ ...creds, region: "NOT_A_REGION" }, undefined, {}));
    expect(error.message).toContain('"NOT_A_REGION"');
    expect(error.message).toContain("ap-guangzhou");
  });
});
