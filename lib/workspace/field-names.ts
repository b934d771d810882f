import { FIELD_LABELS } from "@/lib/budget/package/labels";
import { isSectionId, SECTIONS } from "./sections";

/**
 * Field names as the accountant sees them on screen. The package messages name a field by its
 * label and its JSON path (`基本支出[0].金额（basicExpenditure[0].amount）`), which is right for
 * someone editing a package file but means nothing in a form: there it is 基本支出 第 1 行 金额,
 * rows counted from 1.
 */

// What one numbered item of a list is called ("第 2 行", "第 1 个项目").
const ITEM_NAMES: Record<string, (n: number) => string> = {
  basicExpenditure: (n) => `第 ${n} 行`,
  projects: (n) => `第 ${n} 个项目`,
  indicators: (n) => `第 ${n} 个指标`,
  procurement: (n) => `第 ${n} 行`,
  subUnits: (n) => `第 ${n} 个单位`,
  functions: (n) => `第 ${n} 条`,
};

type Segment = string | number;

function segmentsOf(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

function labelKey(segments: Segment[]): string {
  let key = "";
  for (const s of segments) key += typeof s === "number" ? "[]" : key === "" ? s : `.${s}`;
  const indicator = key.match(/indicators\[\](\..+)$/);
  return indicator ? `indicators[]${indicator[1]}` : key;
}

/** "basicExpenditure[0].amount" → "基本支出 第 1 行 金额"; "threePublic.vehicleOperation" → "“三公”经费 · 公务用车运行维护费". */
export function fieldName(path: string): string {
  const segments = segmentsOf(path);
  const parts: string[] = [];
  segments.forEach((seg, i) => {
    if (typeof seg === "number") {
      const list = segments[i - 1];
      const item = typeof list === "string" ? ITEM_NAMES[list] : undefined;
      parts.push(item ? item(seg + 1) : `第 ${seg + 1} 项`);
      return;
    }
    parts.push(FIELD_LABELS[labelKey(segments.slice(0, i + 1))] ?? seg);
  });
  // A number reads with the list it counts ("基本支出 第 1 行"); other steps are set apart by "·".
  let out = "";
  segments.forEach((seg, i) => {
    const part = parts[i]!;
    out += i === 0 ? part : typeof seg === "number" || typeof segments[i - 1] === "number" ? ` ${part}` : ` · ${part}`;
  });
  return out;
}

const PATH_IN_TEXT = /\b(?:basicExpenditure|projects|procurement|unit\.subUnits)\[\d+\](?:\.[A-Za-z]+|\[\d+\])*/g;

/**
 * A package message rewritten for the form: its leading `label（path）：` becomes the field's
 * screen name, and paths quoted inside it ("与 basicExpenditure[0] 重复") read as rows.
 */
export function humanizeMessage(path: string, message: string): string {
  let text = message;
  const lead = text.indexOf(`（${path}）：`);
  if (path && lead >= 0) text = `${fieldName(path)}：${text.slice(lead + path.length + 3)}`;
  else if (path && !text.includes("：")) text = `${fieldName(path)}：${text}`;
  return text.replace(PATH_IN_TEXT, (inner) => fieldName(inner));
}

const OTHER_ACTIONS: Record<string, string> = {
  "import.merge": "合并导入",
  "create.next-year": "由上年结转生成",
};

/** What a trail action is called ("edit.projects" → "修改项目支出"), or undefined when it has no name here. */
export function actionName(action: string): string | undefined {
  const edit = /^edit\.(.+)$/.exec(action);
  if (edit && isSectionId(edit[1]!)) return `修改${SECTIONS[edit[1]].label}`;
  return OTHER_ACTIONS[action];
}
