import { sectionOfPath, type SectionId } from "./sections";

/**
 * The workspace section a review comment is about (comment sections are the package's top-level
 * keys); overall and table comments belong to the overview.
 */
export function sectionOfComment(commentSection: string): SectionId | undefined {
  return sectionOfPath(commentSection);
}

/** The form field id a comment's anchor points at, when it points at one. */
export function fieldOfComment(commentSection: string, anchor: string | null, pkgProjects: { code: string }[] = []): string | undefined {
  if (!anchor) return undefined;
  if (commentSection === "threePublic") return `threePublic.${anchor}`;
  if (commentSection === "narrative") return anchor.includes(".") || !anchor.startsWith("threePublic") ? `narrative.${anchor}` : undefined;
  if (commentSection === "projects") {
    const index = pkgProjects.findIndex((p) => p.code === anchor);
    return index >= 0 ? `projects[${index}].name` : undefined;
  }
  return undefined;
}
