import type { ReactNode } from "react";
import type { Finding } from "@/lib/budget/rules/types";

/**
 * One finding as the checks panels show it: severity, the rule's id (opening its entry on /rules),
 * the message and the field it points at — the same four things `budget check` prints in JSON.
 */
export function FindingItem({ finding, field, children }: { finding: Finding; field: string; children?: ReactNode }) {
  return (
    <li className={finding.severity} data-testid="finding" data-rule={finding.rule}>
      <strong>{finding.severity === "error" ? "错误" : "提示"}</strong>{" "}
      <a className="rule-id" href={`/rules#${encodeURIComponent(finding.rule)}`} title="查看该检查规则的说明和示例">
        <code>{finding.rule}</code>
      </a>{" "}
      {finding.message}
      <br />
      <span className="muted" data-testid="finding-field">
        字段：{field}
      </span>
      {children}
    </li>
  );
}
