import type { Metadata } from "next";
import { ruleDocs } from "@/lib/public/rule-docs";

export const metadata: Metadata = { title: "检查规则" };

/**
 * Every rule the engine checks a budget with: id, severity, what it asks, and one example
 * finding (its field and message) — the same list as `npm run -s budget -- rules`. Public: the
 * rules a published budget passed are part of what the public may know.
 */
export default function RulesPage() {
  const docs = ruleDocs();
  return (
    <>
      <h1>检查规则</h1>
      <p className="muted">
        部门预算和部门决算报送前由系统逐条检查。“错误”须改正后才能报送；“提示”供会计和审核人员核对。共 {docs.length} 条。命令行：
        <code>npm run -s budget -- rules</code>
      </p>
      <table className="data" data-testid="rules">
        <thead>
          <tr>
            <th scope="col">编号</th>
            <th scope="col">适用</th>
            <th scope="col">级别</th>
            <th scope="col">规则</th>
            <th scope="col">示例（指向的字段：提示内容）</th>
          </tr>
        </thead>
        <tbody>
          {docs.map((d) => (
            <tr key={d.id} id={d.id}>
              <td>
                <code>{d.id}</code>
              </td>
              <td>{d.scope}</td>
              <td>{d.severity === "error" ? "错误" : "提示"}</td>
              <td>{d.title}</td>
              <td>
                {d.example ? (
                  <>
                    <strong>{d.example.field}</strong>（<code>{d.example.path}</code>）：{d.example.message}
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
