/**
 * Noto CJK draws some ideographs and the radicals that look like them with one glyph (人 and ⼈
 * U+2F08, 民 and ⺠ U+2EA0), and a PDF font maps each glyph to one Unicode text. Text pasted from
 * PDFs that got this wrong (Chromium's did) carries the radicals; were one printed, every 人 of
 * the document would copy as ⼈. So radicals are folded back to the ideographs before drawing:
 * Kangxi radicals through NFKC, and the look-alikes of the radicals supplement (which has no
 * decomposition) from this table.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  "⺠": "民",
  "⺟": "母",
  "⺡": "氵",
  "⺢": "水",
  "⻅": "见",
  "⻆": "角",
  "⻉": "贝",
  "⻋": "车",
  "⻐": "钅",
  "⻓": "长",
  "⻔": "门",
  "⻘": "青",
  "⻙": "韦",
  "⻚": "页",
  "⻛": "风",
  "⻜": "飞",
  "⻝": "食",
  "⻢": "马",
  "⻣": "骨",
  "⻤": "鬼",
  "⻥": "鱼",
  "⻦": "鸟",
  "⻧": "卤",
  "⻨": "麦",
  "⻩": "黄",
  "⻪": "黾",
  "⻬": "齐",
  "⻮": "齿",
  "⻰": "龙",
  "⻳": "龟",
  "⺮": "竹",
  "⺶": "羊",
  "⺻": "聿",
  "⻄": "西",
  "⻊": "足",
  "⻏": "阝",
};

export function foldRadicals(text: string): string {
  // NFKC only on the Kangxi block: applied to the whole text it would also fold （ into (.
  return text.replace(/[\u2F00-\u2FDF]/g, (c) => c.normalize("NFKC")).replace(/[\u2E80-\u2EFF]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c);
}
