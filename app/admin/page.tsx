import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import styles from "./admin.module.css";

export const metadata: Metadata = { title: "系统管理" };

export default async function AdminPage() {
  await requirePagePermission("admin.users", "/admin");
  const d = db();
  const [regions, departments, users, staged, years] = await Promise.all([
    d.region.count(),
    d.department.count(),
    d.user.count(),
    d.region.count({ where: { stages: { some: {} } } }),
    d.functionSubject.findMany({ distinct: ["year"], select: { year: true }, orderBy: { year: "asc" } }),
  ]);
  return (
    <>
      <h1>系统管理</h1>
      <div className={styles.grid}>
        <section className="card">
          <h2>
            <Link href="/admin/units">区划、部门和单位</Link>
          </h2>
          <p className="muted">
            {regions} 个区划，{departments} 个部门
          </p>
        </section>
        <section className="card">
          <h2>
            <Link href="/admin/users">用户和角色</Link>
          </h2>
          <p className="muted">{users} 个账号</p>
        </section>
        <section className="card">
          <h2>
            <Link href="/admin/stages">审核阶段</Link>
          </h2>
          <p className="muted">{staged} 个区划设置了分阶段审核</p>
        </section>
        <section className="card">
          <h2>
            <Link href="/admin/catalog">科目目录导入</Link>
          </h2>
          <p className="muted">已有目录的年度：{years.map((y) => y.year).join("、") || "无"}</p>
        </section>
      </div>
    </>
  );
}
