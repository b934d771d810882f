import type { AmountChange } from "@/lib/budget/amount-changes";
import type { Prisma } from "@/generated/prisma/client";

/**
 * A trail event's amount changes as its `changes` column keeps them (JSONB, the values exact
 * two-decimal strings). Written as a JSON text the statement casts to jsonb: one parameter for
 * the whole list, however many amounts a save changed.
 */
export function storedChanges(changes: readonly AmountChange[]): string {
  // amountChanges makes exactly these four fields, so the list is written as it is (no copy).
  return JSON.stringify(changes);
}

/** The amount changes of an event as read back from its `changes` column, in the order written. */
export function eventChanges(stored: Prisma.JsonValue): AmountChange[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((item) => {
    const c = (item ?? {}) as Record<string, unknown>;
    return {
      key: String(c.key),
      label: String(c.label),
      oldValue: typeof c.oldValue === "string" ? c.oldValue : null,
      newValue: typeof c.newValue === "string" ? c.newValue : null,
    };
  });
}
