import type { Catalog } from "@/lib/catalog/catalog";
import type { FinalAccounts } from "@/lib/final/model";
import { shownFinal, type ShownFinal } from "@/lib/final/compute/shown";

/** What every 决算 table builder reads: the accounts, their printed atoms, the catalogue. */
export interface FinalContext {
  final: FinalAccounts;
  catalog: Catalog;
  shown: ShownFinal;
}

export function finalContext(final: FinalAccounts, catalog: Catalog): FinalContext {
  return { final, catalog, shown: shownFinal(final) };
}
