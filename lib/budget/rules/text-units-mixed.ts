import { defineRule } from "./types";
import { sentences } from "./text-numbers";
import { textFieldsOf } from "./text-fields";

const WAN = /\d\s*万元/;

/** One sentence in both 元 and 万元 reads wrong by 10,000 times at a glance: one unit a sentence. */
export const textUnitsMixed = defineRule({
  id: "text.units-mixed",
  severity: "warning",
  title: "同一句话中不要混用元和万元",
  check(ctx, report) {
    for (const f of textFieldsOf(ctx)) {
      // Only a text with both a 元 and a 万元 after a figure can mix them (most fields have neither).
      if (!WAN.test(f.value)) continue;
      for (const s of sentences(f.value)) {
        const wan = WAN.test(s);
        const yuan = /\d\s*元/.test(s.replace(/万元/g, "").replace(/[亿千百]元/g, ""));
        if (wan && yuan) report(f.path, `${f.label}中“${s.slice(0, 60)}”同时使用了“元”和“万元”，请统一为万元`);
      }
    }
  },
});
