/** The CLI's exit codes, stable for scripts. */
export const ExitCode = {
  /** The command did what was asked (for `status`, whatever the task's status). */
  Ok: 0,
  /** `wait`: the task failed (status 3 or -1). */
  TaskFailed: 1,
  /** Bad usage or input. */
  Usage: 2,
  /** `wait`: the deadline passed before the task finished. */
  TimedOut: 3,
  /** An API, authentication or network error. */
  ApiError: 4,
  /** Interrupted by Ctrl-C (128 + SIGINT). */
  Interrupted: 130,
} as const;
