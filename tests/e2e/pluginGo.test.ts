/**
 * The provider plugin from a Go program: `github.com/pulumi/pulumi/sdk/v3` from the module proxy
 * and the SDK generated into sdk/go, through the `replace` in the program's go.mod. The Go host
 * builds the program on every command; the Go build cache makes all but the first build quick.
 */
import { describePluginProgram } from "./support/pluginScenarios";

jest.setTimeout(600_000);

describePluginProgram("Go", { program: "plugin-go", firstId: 65_000 });
