/**
 * The stable public address of a published budget: /b/{region}/{year}/{unit}. Parsed strictly so
 * that a malformed segment is simply "not found" (404), never a database error.
 */
export interface PublicBudgetKey {
  region: string;
  year: number;
  unit: string;
}

const CODE = /^[0-9A-Za-z]{1,20}$/;
const YEAR = /^(19|20|21)\d{2}$/;

export function parseRegionYear(region: string, year: string): { region: string; year: number } | null {
  if (!CODE.test(region) || !YEAR.test(year)) return null;
  return { region, year: Number(year) };
}

export function parsePublicKey(region: string, year: string, unit: string): PublicBudgetKey | null {
  const ry = parseRegionYear(region, year);
  if (!ry || !CODE.test(unit)) return null;
  return { ...ry, unit };
}

export function budgetPath(k: PublicBudgetKey): string {
  return `/b/${k.region}/${k.year}/${k.unit}`;
}

export function apiPath(k: PublicBudgetKey): string {
  return `/api/open/budgets/${k.region}/${k.year}/${k.unit}`;
}

/** The 决算 of the same key: a sibling of the budget's page and open-data address. */
export function finalPath(k: PublicBudgetKey): string {
  return `${budgetPath(k)}/final`;
}

export function finalApiPath(k: PublicBudgetKey): string {
  return `/api/open/finals/${k.region}/${k.year}/${k.unit}`;
}
