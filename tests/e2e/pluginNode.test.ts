/** The provider plugin from a JavaScript program, through `pulumi-tencentcloud-redis-task/plugin`. */
import { describePluginProgram } from "./support/pluginScenarios";

jest.setTimeout(180_000);

describePluginProgram("Node.js", { program: "plugin-node", firstId: 66_000 });
