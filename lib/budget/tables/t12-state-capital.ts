import type { TableContext } from "./context";
import { fundByFunction } from "./t5-government-fund";
import type { T12StateCapital } from "./types";

/** The samples' wording for an empty table ("本部门无政府性基金收支，故此表无数据。") applied to 国有资本经营预算. */
export const NO_STATE_CAPITAL_NOTE = "本部门无国有资本经营预算收支，故此表无数据。";

/** 国有资本经营预算支出表: printed empty, with its note, by a department that has no such money. */
export function buildT12(ctx: TableContext): T12StateCapital {
  return fundByFunction(ctx, "stateCapital", NO_STATE_CAPITAL_NOTE);
}
