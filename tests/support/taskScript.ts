/**
 * Moves a held emulator task on the gate's polls: the test decides when time passes for the task,
 * on an event (its N-th answered query), instead of racing a timeline against a busy machine.
 */
import type { TaskStatusCode } from "../../provider/api/status";
import type { EmulatorTaskState, RunningEmulator } from "../../provider/emulator";

/** The parts of an in-process emulator a script drives. */
type TaskControl = Pick<RunningEmulator, "taskState" | "waitForQueries" | "setTaskStatus">;

/**
 * Sets `statuses` on task `requestId` one after the other, each right after the task has answered
 * `pollsPerStep` more queries (counted from the queries answered when this is called). The status
 * is set before the emulator reads its next request (the wait resolves in the same turn of the
 * event loop as the query), so the next poll sees it: `[1, 2]` on a task held at 0 makes a gate
 * see Waiting, then Executing, then Succeeded, however slowly it polls.
 */
export async function stepOnPolls(emulator: TaskControl, requestId: number, statuses: TaskStatusCode[], pollsPerStep = 1): Promise<EmulatorTaskState> {
  let target = emulator.taskState(requestId).queries;
  let state = emulator.taskState(requestId);
  for (const status of statuses) {
    target += pollsPerStep;
    await emulator.waitForQueries(requestId, target);
    state = emulator.setTaskStatus(requestId, status);
  }
  return state;
}
