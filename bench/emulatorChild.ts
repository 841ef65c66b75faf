/**
 * The emulator in its own process, for the CPU-per-poll measurement: the client's CPU is then
 * measured without the server's, and the server reports its own CPU on request.
 */
import { startEmulator } from "../provider/emulator";

export const CPU_TASK_ID = 4242;

export type EmulatorChildMessage = { type: "ready"; url: string } | { type: "cpu"; usage: NodeJS.CpuUsage };
export type EmulatorParentMessage = { type: "cpu" } | { type: "stop" };

async function main(): Promise<void> {
  // Executing forever: every poll gets a full answer and the wait logic never ends.
  const emulator = await startEmulator({ tasks: [{ requestId: CPU_TASK_ID, timeline: [{ status: 1 }] }] });
  process.on("message", async (message: EmulatorParentMessage) => {
    if (message.type === "cpu") process.send!({ type: "cpu", usage: process.cpuUsage() } satisfies EmulatorChildMessage);
    if (message.type === "stop") {
      await emulator.close();
      process.disconnect();
    }
  });
  process.send!({ type: "ready", url: emulator.url } satisfies EmulatorChildMessage);
}

if (require.main === module) void main();
