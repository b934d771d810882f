import "server-only";
import type { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { hasPermission, type Permission, type SessionUser } from "@/lib/auth/permissions";
import { db, type Db } from "@/lib/db/client";
import { fail, failure, type AppFailure, type Failure, type Result } from "@/lib/result";
import { formValues, invalidInputMessage } from "@/lib/validation/form-values";

/**
 * The one way a server action is written. A server action is an HTTP endpoint reachable with
 * any payload, so before the use case runs, in this order:
 *   1. the session is resolved and the tier checked against the one role → permission table
 *      (lib/auth/permissions.ts); the scope of the record is checked inside the use case's query;
 *   2. the WHOLE input (ids and values) is parsed by its zod schema, the same one the form uses;
 *      a wrong shape is `invalid_input` with a Chinese sentence, never a 500;
 *   3. the use case runs; an AppError it throws becomes the one Failure shape (lib/result.ts),
 *      anything else is a bug and propagates (Next logs it and answers generically).
 */
export type Tier = "public" | "signedIn" | { permission: Permission };

type UserOf<T extends Tier> = T extends "public" ? SessionUser | null : SessionUser;

export interface ActionContext<T extends Tier> {
  user: UserOf<T>;
  db: Db;
}

export interface ActionDefinition<T extends Tier, S extends z.ZodType, R extends Result> {
  tier: T;
  /**
   * The answer to a caller below the tier. Worded like the use case's "not found", so that a
   * refusal tells nothing about whether the record exists.
   */
  refused?: string;
  input: S;
  run(input: z.output<S>, ctx: ActionContext<T>): Promise<R>;
}

const REFUSED = "请先登录";

async function admit<T extends Tier>(tier: T, refused: string): Promise<{ user: UserOf<T> } | Failure<{ code: "forbidden" }>> {
  const user = await currentUser();
  if (tier === "public") return { user: user as UserOf<T> };
  if (!user) return fail("forbidden", refused);
  if (tier !== "signedIn" && !hasPermission(user, tier.permission)) return fail("forbidden", refused);
  return { user: user as UserOf<T> };
}

async function execute<T extends Tier, S extends z.ZodType, R extends Result>(def: ActionDefinition<T, S, R>, raw: unknown): Promise<R | AppFailure> {
  const admitted = await admit(def.tier, def.refused ?? REFUSED);
  if ("ok" in admitted) return admitted;
  const parsed = def.input.safeParse(raw);
  if (!parsed.success) return fail("invalid_input", invalidInputMessage(parsed.error));
  try {
    return await def.run(parsed.data, { user: admitted.user, db: db() });
  } catch (error) {
    return failure(error);
  }
}

/** A server action called with one argument (a component's `await action(input)`). */
export function defineAction<T extends Tier, S extends z.ZodType, R extends Result>(
  def: ActionDefinition<T, S, R>,
): (input: z.input<S>) => Promise<R | AppFailure> {
  return (input) => execute(def, input);
}

/**
 * A server action behind a <form> (React's useActionState: previous state, then FormData). The
 * fields are read as strings, blank ones as absent; anything but a FormData is invalid input.
 */
export function defineFormAction<T extends Tier, S extends z.ZodType, R extends Result>(
  def: ActionDefinition<T, S, R>,
): (state: Result | null, form: FormData) => Promise<R | AppFailure> {
  return async (_state, form) => {
    if (!(form instanceof FormData)) {
      const admitted = await admit(def.tier, def.refused ?? REFUSED);
      return "ok" in admitted ? admitted : fail("invalid_input", "请求无效");
    }
    return execute(def, formValues(form));
  };
}
