import { defineRule } from "./types";
import { textFieldsOf } from "./text-fields";

/**
 * Text left as a placeholder would be published as is. Each pattern is named by the form an
 * accountant would recognise; `XX` only as a word of its own (not inside 'XXL' or a code), so
 * ordinary Latin text is not caught.
 */
export const PLACEHOLDER_PATTERNS: readonly { shown: string; pattern: RegExp }[] = [
  { shown: "（未填写）", pattern: /[（(]\s*未填写\s*[）)]/ },
  { shown: "XX", pattern: /(?<![A-Za-z0-9])(?:X{2,}|x{2,})(?![A-Za-z0-9])/ },
  { shown: "……", pattern: /…{2,}|\.{6,}/ },
  { shown: "待补充", pattern: /待补充/ },
  { shown: "TODO", pattern: /(?<![A-Za-z])TODO(?![A-Za-z])/i },
];

/** A character sequence each pattern needs: a text without any of them has no placeholder. */
const ANY_PLACEHOLDER = /未填写|XX|xx|…|\.{6}|待补充|todo/i;

export function placeholdersIn(text: string): string[] {
  if (!ANY_PLACEHOLDER.test(text)) return [];
  return PLACEHOLDER_PATTERNS.filter((p) => p.pattern.test(text)).map((p) => p.shown);
}

/** An error: it blocks 报送 and publication until the text is written. */
export const textPlaceholder = defineRule({
  id: "text.placeholder",
  severity: "error",
  title: "文字内容不得含有占位符（如“（未填写）”“XX”“……”“待补充”“TODO”）",
  check(ctx, report) {
    for (const field of textFieldsOf(ctx)) {
      const found = placeholdersIn(field.value);
      if (found.length === 0) continue;
      report(field.path, `${field.label}含有占位文字 ${found.map((f) => `“${f}”`).join("、")}，请填写实际内容后再报送或公开`);
    }
  },
});
