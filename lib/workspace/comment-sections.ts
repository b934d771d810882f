import { sectionOfPath, type SectionId } from "./sections";

/**
 * The section whose figures make each published table, so that a comment on a table row is seen
 * where the accountant can change that row (T2 and T8 list basic and project spending by
 * 功能分类; their lines are entered under 基本支出 first).
 */
const TABLE_SECTIONS: Record<string, SectionId> = {
  T1: "income",
  T2: "basic",
  T3: "basic",
  T4: "three-public",
  T5: "projects",
  T6: "income",
  T7: "income",
  T8: "basic",
  T9: "procurement",
  T10: "performance",
  T11: "projects",
};

/**
 * The workspace section a review comment is about (comment sections are the package's top-level
 * keys, or a table, see TABLE_SECTIONS); overall comments belong to the overview.
 */
export function sectionOfComment(commentSection: string): SectionId | undefined {
  return Object.hasOwn(TABLE_SECTIONS, commentSection) ? TABLE_SECTIONS[commentSection] : sectionOfPath(commentSection);
}

/** The form field id a comment's anchor points at, when it points at one. */
export function fieldOfComment(commentSection: string, anchor: string | null, pkgProjects: { code: string }[] = []): string | undefined {
  if (!anchor) return undefined;
  if (commentSection === "threePublic") return `threePublic.${anchor}`;
  if (commentSection === "narrative") return anchor.includes(".") || !anchor.startsWith("threePublic") ? `narrative.${anchor}` : undefined;
  if (commentSection === "projects" || commentSection === "T11") {
    const index = pkgProjects.findIndex((p) => p.code === anchor);
    return index >= 0 ? `projects[${index}].name` : undefined;
  }
  return undefined;
}
