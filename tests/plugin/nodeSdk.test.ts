/**
 * `pulumi-tencentcloud-redis-task/plugin` under the SDK's mocks: what a Node.js program using the
 * provider plugin registers, checked against the schema the plugin serves.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { REPO_ROOT } from "../support/packedProject";

const registered: pulumi.runtime.MockResourceArgs[] = [];
const invoked: pulumi.runtime.MockCallArgs[] = [];
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      registered.push(args);
      return { id: `${args.name}-id`, state: { ...args.inputs, status: 2, statusText: "Succeeded" } };
    },
    call: (args) => {
      invoked.push(args);
      return { requestId: args.inputs.requestId, status: 1, statusText: "Executing", region: "ap-guangzhou", apiVersion: "v2" };
    },
  },
  "plugin-sdk",
  "test",
  false,
);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk: typeof import("../../provider/doors/pluginClient") = require("pulumi-tencentcloud-redis-task/plugin");
const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8"));
const taskWaitSchema = schema.resources[sdk.TASK_WAIT_TOKEN];

const resolve = <T>(output: pulumi.Output<T>) => new Promise<T>((done) => output.apply((value) => done(value)));

test("TaskWait registers the plugin's type with the given inputs and has an Output for every output in the schema", async () => {
  const gate = new sdk.TaskWait("gate", { requestId: 11963, timeout: "45m" });
  expect(await resolve(gate.status)).toBe(2);
  const registration = registered.find((r) => r.name === "gate")!;
  expect(registration.type).toBe("tencentcloud-redis-task:index:TaskWait");
  expect(registration.inputs).toEqual({ requestId: 11963, timeout: "45m" });
  const fields = gate as unknown as Record<string, unknown>;
  expect(Object.keys(taskWaitSchema.properties).filter((name) => !pulumi.Output.isInstance(fields[name]))).toEqual([]);
  expect(sdk.TaskWait.isInstance(gate)).toBe(true);
});

test("getTaskInfo invokes the plugin's function", async () => {
  const info = await sdk.getTaskInfo({ requestId: 11963, apiVersion: "v3" });
  expect(invoked.at(-1)).toMatchObject({ token: "tencentcloud-redis-task:index:getTaskInfo", inputs: { requestId: 11963, apiVersion: "v3" } });
  expect(info).toMatchObject({ status: 1, statusText: "Executing" });
  expect(await resolve(sdk.getTaskInfoOutput({ requestId: pulumi.output(5) }))).toMatchObject({ requestId: 5 });
});

test("Provider registers the plugin's provider with the schema's configuration names", async () => {
  const provider = new sdk.Provider("second", { region: "ap-shanghai", secretKey: "k" });
  await resolve(provider.urn);
  const registration = registered.find((r) => r.name === "second")!;
  expect(registration.type).toBe("pulumi:providers:tencentcloud-redis-task");
  expect(Object.keys(registration.inputs).every((name) => name in schema.provider.inputProperties)).toBe(true);
  expect(Object.keys(schema.provider.inputProperties)).toEqual(Object.keys(schema.config.variables));
});
