import type { Metadata } from "next";
import Link from "next/link";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listUnits } from "@/lib/admin/units";
import { listUsers } from "@/lib/admin/users";
import { db } from "@/lib/db/client";
import { AdminForm } from "../AdminForm";
import styles from "../admin.module.css";
import { addMembershipAction, createUserAction, removeMembershipAction, resetPasswordAction, setActiveAction } from "@/lib/actions/admin/users";

export const metadata: Metadata = { title: "用户和角色" };

type Units = Awaited<ReturnType<typeof listUnits>>;

function RoleFields({ units }: { units: Units }) {
  return (
    <>
      <label>
        角色
        <select name="role" defaultValue="ACCOUNTANT">
          {Object.entries(ROLE_LABELS).map(([role, label]) => (
            <option key={role} value={role}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        所属部门（部门会计）
        <select name="departmentId" defaultValue="">
          <option value="">—</option>
          {units.map((r) => (
            <optgroup key={r.id} label={`${r.code} ${r.name}`}>
              {r.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.code} {d.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        所属单位（单位会计，可选）
        <select name="subUnitId" defaultValue="">
          <option value="">—（整个部门）</option>
          {units.flatMap((r) =>
            r.departments
              .filter((d) => d.subUnits.length > 0)
              .map((d) => (
                <optgroup key={d.id} label={`${r.code} / ${d.code} ${d.name}`}>
                  {d.subUnits.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.code} {s.name}
                    </option>
                  ))}
                </optgroup>
              )),
          )}
        </select>
      </label>
      <label>
        所属区划（审核员）
        <select name="regionId" defaultValue="">
          <option value="">—</option>
          {units.map((r) => (
            <option key={r.id} value={r.id}>
              {r.code} {r.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

export default async function UsersPage() {
  const me = await requirePagePermission("admin.users", "/admin/users");
  const [users, units] = await Promise.all([listUsers(db()), listUnits(db())]);
  return (
    <>
      <p>
        <Link href="/admin">← 系统管理</Link>
      </p>
      <h1>用户和角色</h1>
      <section className="card">
        <h2>新建用户</h2>
        <AdminForm action={createUserAction} schema="createUser" submit="创建用户" className={styles.inline} testId="create-user">
          <label>
            用户名
            <input name="username" autoComplete="off" placeholder="accountant.112" />
          </label>
          <label>
            显示名称
            <input name="displayName" />
          </label>
          <label>
            初始密码（至少 10 位）
            <input name="password" type="password" autoComplete="new-password" />
          </label>
          <RoleFields units={units} />
        </AdminForm>
      </section>
      <table className="data" data-testid="user-list">
        <thead>
          <tr>
            <th>用户</th>
            <th>角色</th>
            <th>管理</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-${u.username}`}>
              <td>
                <strong>{u.username}</strong>
                <div>{u.displayName}</div>
                {u.active ? null : <span className="badge">已停用</span>}
              </td>
              <td>
                <ul className={styles.tree}>
                  {u.memberships.map((m) => (
                    <li key={m.id}>
                      {ROLE_LABELS[m.role]}
                      {m.department ? `：${m.department.region.code} / ${m.department.code} ${m.department.name}` : ""}
                      {m.subUnit ? (
                        <span data-testid="membership-unit">
                          {" / "}
                          {m.subUnit.code} {m.subUnit.name}（单位会计）
                        </span>
                      ) : null}
                      {m.region ? `：${m.region.code} ${m.region.name}` : ""}
                      <AdminForm
                        action={removeMembershipAction}
                        schema="removeMembership"
                        submit="删除此角色"
                        className={styles.inline}
                        confirm={`确定删除 ${u.username} 的“${ROLE_LABELS[m.role]}”角色吗？删除后该用户立即失去相应权限。`}
                      >
                        <input type="hidden" name="membershipId" value={m.id} />
                      </AdminForm>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <details>
                  <summary>添加角色</summary>
                  <AdminForm action={addMembershipAction} schema="addMembership" submit="添加" className={styles.inline}>
                    <input type="hidden" name="userId" value={u.id} />
                    <RoleFields units={units} />
                  </AdminForm>
                </details>
                <details>
                  <summary>重设密码</summary>
                  <AdminForm action={resetPasswordAction} schema="resetPassword" submit="重设" className={styles.inline}>
                    <input type="hidden" name="userId" value={u.id} />
                    <label>
                      新密码
                      <input name="password" type="password" autoComplete="new-password" />
                    </label>
                  </AdminForm>
                </details>
                {u.id === me.id ? null : (
                  <AdminForm
                    action={setActiveAction}
                    schema="setActive"
                    submit={u.active ? "停用账号" : "启用账号"}
                    className={styles.inline}
                    {...(u.active ? { confirm: `确定停用账号 ${u.username}（${u.displayName}）吗？停用后该用户不能登录，可随时重新启用。` } : {})}
                  >
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                  </AdminForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
