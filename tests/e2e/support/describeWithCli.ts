/** `describe` for suites that need the Pulumi CLI; `describe.skip` without one (globalSetup said so, or failed the run under CI). */
import { findPulumiCliDir } from "./pulumiCli";

export const describeWithCli: jest.Describe = findPulumiCliDir() ? describe : describe.skip;
