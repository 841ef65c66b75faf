/** PATH as a machine without the Pulumi CLI has it: every directory holding a `pulumi` left out. */
import * as fs from "fs";
import * as path from "path";

export function pathWithoutPulumi(): string {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir && !fs.existsSync(path.join(dir, "pulumi")))
    .join(path.delimiter);
}
