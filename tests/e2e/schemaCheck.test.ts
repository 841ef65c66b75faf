/** `pulumi schema check schema.json`: the CLI's own validation of the package schema. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../support/packedProject";
import { describeWithCli } from "./support/describeWithCli";
import { findPulumiCliDir } from "./support/pulumiCli";

describeWithCli("the package schema", () => {
  test("`pulumi schema check` accepts schema.json", () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "redis-task-schema-"));
    try {
      const env = { ...process.env, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true" };
      // execFileSync throws on a non-zero exit, with the CLI's diagnostics in the error.
      execFileSync(path.join(findPulumiCliDir()!, "pulumi"), ["schema", "check", path.join(REPO_ROOT, "schema.json")], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
