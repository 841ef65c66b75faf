/** Runs a command, echoing its output indented as it comes (so the wait is visible), and keeping a copy. */
import { spawn } from "child_process";

export function runLive(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk.toString().replace(/^(?=.)/gm, "    "));
    };
    child.stdout.on("data", relay(process.stdout));
    child.stderr.on("data", relay(process.stderr));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
