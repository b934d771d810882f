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

/** A unit's code under its department's address (/b/{region}/{year}/{unit}/units/{code}), or null. */
export function parseUnitCode(code: string): string | null {
  return CODE.test(code) ? code : null;
}

export function budgetPath(k: PublicBudgetKey): string {
  return `/b/${k.region}/${k.year}/${k.unit}`;
}

export function apiPath(k: PublicBudgetKey): string {
  return `/api/open/budgets/${k.region}/${k.year}/${k.unit}`;
}

/** A unit's own tables, published with its department's consolidated budget. */
export function unitPath(k: PublicBudgetKey, code: string): string {
  return `${budgetPath(k)}/units/${code}`;
}

export function unitApiPath(k: PublicBudgetKey, code: string): string {
  return `${apiPath(k)}/units/${code}`;
}

/** The 决算 of the same key: a sibling of the budget's page and open-data address. */
export function finalPath(k: PublicBudgetKey): string {
  return `${budgetPath(k)}/final`;
}

export function finalApiPath(k: PublicBudgetKey): string {
  return `/api/open/finals/${k.region}/${k.year}/${k.unit}`;
}
