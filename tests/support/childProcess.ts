/** Stopping the service processes tests spawn. */
import type { ChildProcess } from "child_process";

/** Sends SIGTERM to a child still running and waits for it to exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
