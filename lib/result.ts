import type { BudgetStatusName } from "@/lib/budget/status";
import type { Finding } from "@/lib/budget/rules";
import { AppError, type AppErrorCode } from "./errors";

/**
 * Why something was refused: a code the UI can branch on, a Chinese sentence to show, and what
 * else the refusal carries (the blocking findings, the field errors, the version saved meanwhile).
 */
export type Failure<Extra extends object = object> = { ok: false; code: string; message: string } & Extra;

/**
 * The one answer of every use case and server action: success with its data, or a Failure.
 * `Result<{ version: number }>` reads `{ ok: true; version } | Failure`.
 */
export type Result<T extends object = object, F extends Failure = Failure> = ({ ok: true } & T) | F;

/** A refusal a use case raised as an AppError (or the action helper's gate). */
export type AppFailure = Failure<{ code: AppErrorCode; findings?: Finding[] }>;

/** What every status transition answers: the new status and version, or why not. */
export type WorkflowResult = Result<{ status: BudgetStatusName; version: number }, AppFailure>;

export type CommentResult = Result<{ commentId: number }, AppFailure>;

/** What a <form> shows after submitting, a sentence either way; null before the first submit. */
export type FormState = Result<{ message: string }> | null;

export const fail = <C extends string>(code: C, message: string): Failure<{ code: C }> => ({ ok: false, code, message });

/**
 * Turns an AppError into a failure result; anything else is a bug and is rethrown, so that the
 * caller logs it and answers generically (its message is not for users).
 */
export function failure(error: unknown): AppFailure {
  if (!(error instanceof AppError)) throw error;
  return {
    ok: false,
    code: error.code,
    message: error.message,
    ...(error.code === "findings" ? { findings: error.details as Finding[] } : {}),
  };
}
