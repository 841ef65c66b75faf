/** The provider plugin from a YAML program (no SDK: the schema is the program's type system). */
import { describePluginProgram } from "./support/pluginScenarios";

jest.setTimeout(180_000);

describePluginProgram("YAML", { program: "plugin-yaml", firstId: 63_000 });
