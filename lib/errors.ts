/**
 * The one kind of error whose message may be shown to the user: a code the UI can branch on and
 * a Chinese sentence. Anything else that goes wrong is a bug, logged and answered generically.
 * Thrown inside a workflow transaction to roll it back; the use case (or the action helper,
 * lib/server/action.ts) turns it into a Failure (lib/result.ts).
 */
export type AppErrorCode = "not_found" | "forbidden" | "conflict" | "illegal_transition" | "findings" | "comment_required" | "invalid_input" | "units_pending";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Extra data for the caller, e.g. the blocking findings of a refused submission. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const NOT_FOUND_MESSAGE = "预算不存在或您无权访问";
