/** For client tests: the TaskApiError a call that must fail rejects with. */
import { TaskApiError } from "../../provider/api/errors";

/** Runs a call that must fail and returns its TaskApiError. */
export async function taskApiFailure(promise: Promise<unknown>): Promise<TaskApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TaskApiError);
    return error as TaskApiError;
  }
  throw new Error("expected the call to fail");
}
