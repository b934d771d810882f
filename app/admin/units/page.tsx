import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { listUnits } from "@/lib/admin/units";
import { db } from "@/lib/db/client";
import { AdminForm } from "../AdminForm";
import styles from "../admin.module.css";
import { createDepartmentAction, createRegionAction, createSubUnitAction, renameAction } from "@/lib/actions/admin/units";

export const metadata: Metadata = { title: "区划、部门和单位" };

function Rename({ kind, id, name }: { kind: "region" | "department" | "subUnit"; id: number; name: string }) {
  return (
    <details>
      <summary className="muted">改名</summary>
      <AdminForm action={renameAction} schema="rename" submit="保存名称" className={styles.inline}>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <label>
          新名称
          <input name="name" defaultValue={name} />
        </label>
      </AdminForm>
    </details>
  );
}

export default async function UnitsPage() {
  await requirePagePermission("admin.units", "/admin/units");
  const regions = await listUnits(db());
  return (
    <>
      <p>
        <Link href="/admin">← 系统管理</Link>
      </p>
      <h1>区划、部门和单位</h1>
      <p className="muted">编码一经创建不可修改（预算包、公开网址都以编码识别部门），名称可以修改。</p>
      <section className="card">
        <h2>添加区划</h2>
        <AdminForm action={createRegionAction} schema="createRegion" submit="添加区划" className={styles.inline} testId="create-region">
          <label>
            区划代码
            <input name="code" inputMode="numeric" placeholder="500109" />
          </label>
          <label>
            名称
            <input name="name" placeholder="重庆市北碚区" />
          </label>
        </AdminForm>
      </section>
      {regions.map((r) => (
        <section key={r.id} className="card" data-testid={`region-${r.code}`}>
          <h2>
            {r.code} {r.name}
          </h2>
          <Rename kind="region" id={r.id} name={r.name} />
          <p>
            <Link href={`/admin/stages?region=${r.code}`}>审核阶段</Link>
          </p>
          <ul className={styles.tree}>
            {r.departments.map((d) => (
              <li key={d.id} data-testid={`department-${r.code}-${d.code}`}>
                <strong>
                  {d.code} {d.name}
                </strong>{" "}
                <span className="muted">（{d._count.budgets} 本预算）</span>
                <Rename kind="department" id={d.id} name={d.name} />
                <ul className={styles.tree}>
                  {d.subUnits.map((s) => (
                    <li key={s.id}>
                      {s.code} {s.name}
                      <Rename kind="subUnit" id={s.id} name={s.name} />
                    </li>
                  ))}
                </ul>
                <details>
                  <summary className="muted">添加所属单位</summary>
                  <AdminForm action={createSubUnitAction} schema="createSubUnit" submit="添加单位" className={styles.inline}>
                    <input type="hidden" name="departmentId" value={d.id} />
                    <label>
                      单位编码
                      <input name="code" inputMode="numeric" />
                    </label>
                    <label>
                      名称
                      <input name="name" />
                    </label>
                  </AdminForm>
                </details>
              </li>
            ))}
          </ul>
          <h3>添加部门</h3>
          <AdminForm
            action={createDepartmentAction}
            schema="createDepartment"
            submit="添加部门"
            className={styles.inline}
            testId={`create-department-${r.code}`}
          >
            <input type="hidden" name="regionId" value={r.id} />
            <label>
              部门编码
              <input name="code" inputMode="numeric" />
            </label>
            <label>
              名称
              <input name="name" />
            </label>
          </AdminForm>
        </section>
      ))}
    </>
  );
}
