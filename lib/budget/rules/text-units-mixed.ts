import { defineRule } from "./types";
import { sentences } from "./text-numbers";
import { textFields } from "./text-fields";

/** One sentence in both 元 and 万元 reads wrong by 10,000 times at a glance: one unit a sentence. */
export const textUnitsMixed = defineRule({
  id: "text.units-mixed",
  severity: "warning",
  title: "同一句话中不要混用元和万元",
  check({ budget }, report) {
    for (const f of textFields(budget)) {
      for (const s of sentences(f.value)) {
        const wan = /\d\s*万元/.test(s);
        const yuan = /\d\s*元/.test(s.replace(/万元/g, "").replace(/[亿千百]元/g, ""));
        if (wan && yuan) report(f.path, `${f.label}中“${s.slice(0, 60)}”同时使用了“元”和“万元”，请统一为万元`);
      }
    }
  },
});
