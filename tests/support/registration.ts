/**
 * What the Pulumi engine receives when a program creates a TaskWait: the program runs in the
 * packed project under `pulumi.runtime.setMocks`, with the real SDK serializing the provider, and
 * the registered inputs (the `__provider` text included) are captured.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PROGRAM_NODE } from "./packedProject";

const SCRIPT = `
const pulumi = require("@pulumi/pulumi");
const captured = [];
pulumi.runtime.setMocks({
  newResource: (a) => { captured.push({ type: a.type, name: a.name, inputs: a.inputs }); return { id: a.name + "-id", state: a.inputs }; },
  call: (a) => a.inputs,
}, "redis-task", "test", false);
const { TaskWait } = require("pulumi-tencentcloud-redis-task");
const spec = JSON.parse(process.argv[2]);
const wait = new TaskWait(spec.name, spec.args, spec.opts);
wait.urn.apply(() => process.stdout.write(JSON.stringify(captured)));
`;

/** One registered resource, as the engine's RegisterResource would see it. */
export interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** Registers `new TaskWait(name, args, opts)` in the packed project and returns what was registered. */
export function registerTaskWait(projectDir: string, name: string, args: Record<string, unknown>, opts: Record<string, unknown> = {}): Registration {
  const script = path.join(projectDir, "register-task-wait.js");
  if (!fs.existsSync(script)) fs.writeFileSync(script, SCRIPT);
  const out = execFileSync(PROGRAM_NODE, [script, JSON.stringify({ name, args, opts })], { cwd: projectDir, encoding: "utf8" });
  const registrations: Registration[] = JSON.parse(out);
  const taskWait = registrations.find((r) => r.name === name);
  if (!taskWait) throw new Error(`no registration of ${name} in ${out}`);
  return taskWait;
}
