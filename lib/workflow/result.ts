import type { BudgetStatusName } from "@/lib/budget/status";
import type { Finding } from "@/lib/budget/rules";
import { AppError } from "./errors";

export type WorkflowFailure = { ok: false; code: string; message: string; findings?: Finding[] };

/** What every status transition answers: the new status and version, or why not (Chinese). */
export type WorkflowResult = { ok: true; status: BudgetStatusName; version: number } | WorkflowFailure;

export type CommentResult = { ok: true; commentId: number } | WorkflowFailure;

/**
 * Turns an AppError into a failure result; anything else is a bug and is rethrown, so that the
 * caller logs it and answers generically (its message is not for users).
 */
export function failure(error: unknown): WorkflowFailure {
  if (!(error instanceof AppError)) throw error;
  return {
    ok: false,
    code: error.code,
    message: error.message,
    ...(error.code === "findings" ? { findings: error.details as Finding[] } : {}),
  };
}
