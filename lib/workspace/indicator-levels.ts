/** The 一级/二级 indicator framework of 预算绩效管理 (一级 → its 二级 choices). */
export const INDICATOR_LEVELS: Record<string, string[]> = {
  产出指标: ["数量指标", "质量指标", "时效指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
};
