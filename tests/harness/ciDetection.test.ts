/** Which `CI` values make a missing Pulumi CLI fail the end-to-end suite: any CI but an explicit no. */
import { isCi } from "../e2e/support/pulumiCli";

test.each(["true", "1", "yes", "TRUE", "jenkins", "True"])("CI=%s counts as CI", (value) => {
  expect(isCi({ CI: value })).toBe(true);
});

test.each([undefined, "", "  ", "false", "FALSE", "0"])("CI=%s does not", (value) => {
  expect(isCi(value === undefined ? {} : { CI: value })).toBe(false);
});
