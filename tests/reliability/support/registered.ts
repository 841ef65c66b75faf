/**
 * The inputs the SDK registers for a TaskWait, computed once per packed project and kept in its
 * directory: registering runs a Pulumi program (about 2 s), and the serialized provider depends
 * only on the package build, which the project directory is keyed by. Tests that need the
 * registration under particular conditions (secrets in the environment) register themselves.
 */
import * as fs from "fs";
import * as path from "path";
import { registerTaskWait, type Registration } from "../../support/registration";

/** A registration of `new TaskWait("gate", {requestId: 1})`; callers override fields of `inputs`. */
export function cachedRegistration(projectDir: string): Registration {
  const file = path.join(projectDir, "reliability-registration.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8"));
  const registration = registerTaskWait(projectDir, "gate", { requestId: 1 });
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, JSON.stringify(registration));
  fs.renameSync(partial, file);
  return registration;
}
