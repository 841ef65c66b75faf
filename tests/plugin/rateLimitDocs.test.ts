/**
 * The rate limit's default as every document states it (schema.json, and so the generated SDKs,
 * and the README's plugin config table) is the one the code applies.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_RATE_LIMIT_PER_SECOND } from "../../provider/gate/defaults";
import { configuredRateLimit } from "../../provider/gate/rateLimit";
import { REPO_ROOT } from "../support/packedProject";

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), "utf8");

test("the code's default is what an unset config and environment give", () => {
  expect(configuredRateLimit(() => undefined, {})).toBe(DEFAULT_RATE_LIMIT_PER_SECOND);
});

test("schema.json states the code's default for the config variable and the provider input", () => {
  const schema = JSON.parse(read("schema.json"));
  const descriptions = [schema.config.variables.rateLimitPerSecond.description, schema.provider.inputProperties.rateLimitPerSecond.description];
  for (const description of descriptions) {
    expect(description).toContain(`then ${DEFAULT_RATE_LIMIT_PER_SECOND}`);
  }
});

test("the generated SDKs carry the same default (regenerated from schema.json)", () => {
  for (const file of ["sdk/go/tencentcloudredistask/provider.go", "sdk/python/pulumi_tencentcloud_redis_task/provider.py", "sdk/python/pulumi_tencentcloud_redis_task/config/vars.py"]) {
    const text = read(file);
    expect(text).toContain(`TENCENTCLOUD_REDIS_RATE_LIMIT\`, then ${DEFAULT_RATE_LIMIT_PER_SECOND}`);
  }
});

test("the README's plugin config table states it", () => {
  expect(read("README.md")).toContain(`| \`tencentcloud-redis-task:rateLimitPerSecond\` | \`TENCENTCLOUD_REDIS_RATE_LIMIT\` (default ${DEFAULT_RATE_LIMIT_PER_SECOND}`);
});
