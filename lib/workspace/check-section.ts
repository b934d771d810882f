import type { Catalog } from "@/lib/catalog/catalog";
import { parsePackageValue, type BudgetPackage } from "@/lib/budget/package/schema";
import { validatePackage } from "@/lib/budget/validate";
import { SECTIONS, type SectionId, type SectionValues } from "./sections";
import { humanizeMessage } from "./field-names";

export interface SectionError {
  /** Package path, e.g. "basicExpenditure[3].amount". */
  path: string;
  /** The form field it belongs to in this section, when it is one. */
  field?: string;
  message: string;
}

export type SectionCheck = { ok: true; pkg: BudgetPackage } | { ok: false; errors: SectionError[] };

/**
 * Applies a section's form values to the budget and validates the whole result with the package
 * schema and the catalogue checks: the same validation the importer runs, on the browser (as you
 * type) and on the server (before anything is stored).
 */
export function checkSection<S extends SectionId>(base: BudgetPackage, section: S, values: SectionValues<S>, catalog: Catalog): SectionCheck {
  const def = SECTIONS[section] as unknown as {
    apply(p: BudgetPackage, v: unknown): BudgetPackage;
    fieldOf(path: string): string | undefined;
    check?(v: unknown): { path: string; message: string }[];
  };
  // What the form alone can tell (an empty amount is an omission, not zero) comes first.
  const own = def.check?.(values) ?? [];
  const candidate = def.apply(base, values);
  const parsed = parsePackageValue(candidate);
  const found = parsed.ok ? validatePackage(parsed.pkg, catalog) : parsed.errors;
  const errors = [...own, ...found.filter((e) => !own.some((o) => o.path === e.path))];
  if (parsed.ok && errors.length === 0) return { ok: true, pkg: parsed.pkg };
  return {
    ok: false,
    errors: errors.map((e) => {
      const field = def.fieldOf(e.path);
      return { path: e.path, message: humanizeMessage(e.path, e.message), ...(field ? { field } : {}) };
    }),
  };
}
