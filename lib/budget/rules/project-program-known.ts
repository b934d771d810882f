import { defineRule } from "./types";

/** A project's 一级项目 must be a 一级项目 of the same budget; a 一级项目 belongs to none. */
export const projectProgramKnown = defineRule({
  id: "project.program-known",
  severity: "error",
  title: "所属一级项目须为本预算中的一级项目",
  check({ budget }, report) {
    const programs = new Set(budget.projects.filter((p) => p.tier === "program").map((p) => p.code));
    budget.projects.forEach((p, i) => {
      if (p.program === undefined || p.program === "") return;
      if (p.tier === "program") {
        report(`projects[${i}].program`, `一级项目“${p.name}”不能再属于另一个一级项目（${p.program}）`);
      } else if (!programs.has(p.program)) {
        const list = [...programs].join("、") || "本预算没有一级项目";
        report(`projects[${i}].program`, `项目“${p.name}”的所属一级项目 ${p.program} 不是本预算中的一级项目（${list}）`);
      }
    });
  },
});
