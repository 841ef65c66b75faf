/**
 * The provider plugin from a Python program: `pulumi` from PyPI and the SDK generated into
 * sdk/python, in a virtualenv (built once per content, see support/pythonVenv.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { describePluginProgram } from "./support/pluginScenarios";
import { pythonVenv } from "./support/pythonVenv";
import { packedProject } from "../support/packedProject";

jest.setTimeout(300_000);

describePluginProgram("Python", {
  program: "plugin-python",
  firstId: 64_000,
  prepare: (projectDir) => {
    const started = Date.now();
    // The SDK as users get it: from the installed package.
    const sdk = path.join(packedProject(), "node_modules", "pulumi-tencentcloud-redis-task", "sdk", "python");
    fs.symlinkSync(pythonVenv(path.join(projectDir, "requirements.txt"), sdk), path.join(projectDir, "venv"), "dir");
    process.stdout.write(`Python virtualenv ready in ${Date.now() - started} ms\n`);
  },
});
