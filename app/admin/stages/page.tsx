import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { loadRegionStages } from "@/lib/admin/review-stages";
import { db } from "@/lib/db/client";
import { SINGLE_STAGE_NAME } from "@/lib/review/stage-and-ceilings";
import { addStageAction, assignReviewerAction, moveStageAction, removeStageAction, renameStageAction } from "@/lib/actions/admin/stages";
import { AdminForm } from "../AdminForm";
import styles from "../admin.module.css";

export const metadata: Metadata = { title: "审核阶段" };

/** A region's review stages in order, and which of its reviewers acts at which stage. */
export default async function StagesPage({ searchParams }: { searchParams: Promise<{ region?: string | string[] }> }) {
  const { region: param } = await searchParams;
  const code = typeof param === "string" ? param : undefined;
  await requirePagePermission("admin.units", code ? `/admin/stages?region=${encodeURIComponent(code)}` : "/admin/stages");
  if (!code) {
    const regions = await db().region.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, _count: { select: { stages: true } } } });
    return (
      <>
        <p>
          <Link href="/admin">← 系统管理</Link>
        </p>
        <h1>审核阶段</h1>
        <p className="muted">每个区划的财政局审核可分为依次进行的若干阶段，各阶段有自己的审核人；未设阶段时由任一审核员一步审核。</p>
        <ul className={styles.tree} data-testid="stage-regions">
          {regions.map((r) => (
            <li key={r.code}>
              <Link href={`/admin/stages?region=${r.code}`}>
                {r.code} {r.name}
              </Link>{" "}
              <span className="muted">{r._count.stages === 0 ? "（一步审核）" : `（${r._count.stages} 个阶段）`}</span>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const data = await loadRegionStages(db(), code);
  if (!data) notFound();
  const { region, stages, reviewers } = data;
  return (
    <>
      <p>
        <Link href="/admin/stages">← 审核阶段</Link>
      </p>
      <h1>
        {region.code} {region.name}：审核阶段
      </h1>
      <section className="card">
        <h2>阶段（按审核顺序）</h2>
        {stages.length === 0 ? (
          <p data-testid="single-stage">未设审核阶段：报送的预算和决算由本区任一审核员一步审核（“{SINGLE_STAGE_NAME}”）。</p>
        ) : (
          <table className="data" data-testid="stage-list">
            <thead>
              <tr>
                <th>顺序</th>
                <th>阶段</th>
                <th>审核人</th>
                <th>审核中</th>
                <th>管理</th>
              </tr>
            </thead>
            <tbody>
              {stages.map((s, i) => (
                <tr key={s.id} data-testid={`stage-${s.position}`}>
                  <td>{s.position}</td>
                  <td data-testid="stage-name">{s.name}</td>
                  <td data-testid="stage-reviewers">
                    {reviewers
                      .filter((r) => r.reviewStageId === s.id)
                      .map((r) => r.user.displayName)
                      .join("、") || <span className="muted">未指定</span>}
                  </td>
                  <td>{s.waiting}</td>
                  <td>
                    <details>
                      <summary className="muted">改名</summary>
                      <AdminForm action={renameStageAction} schema="renameStage" submit="保存名称" className={styles.inline}>
                        <input type="hidden" name="stageId" value={s.id} />
                        <label>
                          新名称
                          <input name="name" defaultValue={s.name} />
                        </label>
                      </AdminForm>
                    </details>
                    {i > 0 ? (
                      <AdminForm action={moveStageAction} schema="moveStage" submit="上移" className={styles.inline}>
                        <input type="hidden" name="stageId" value={s.id} />
                        <input type="hidden" name="direction" value="up" />
                      </AdminForm>
                    ) : null}
                    {i < stages.length - 1 ? (
                      <AdminForm action={moveStageAction} schema="moveStage" submit="下移" className={styles.inline}>
                        <input type="hidden" name="stageId" value={s.id} />
                        <input type="hidden" name="direction" value="down" />
                      </AdminForm>
                    ) : null}
                    <AdminForm
                      action={removeStageAction}
                      schema="removeStage"
                      submit="删除阶段"
                      className={styles.inline}
                      confirm={`确定删除审核阶段“${s.name}”吗？该阶段的审核人将改为各阶段均可审核。`}
                    >
                      <input type="hidden" name="stageId" value={s.id} />
                    </AdminForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <AdminForm action={addStageAction} schema="addStage" submit="添加阶段" className={styles.inline} testId="add-stage">
          <input type="hidden" name="regionId" value={region.id} />
          <label>
            新阶段名称（排在最后）
            <input name="name" autoComplete="off" placeholder="业务科室初审" />
          </label>
        </AdminForm>
      </section>
      <section className="card">
        <h2>审核人</h2>
        <p className="muted">未指定阶段的审核员在每个阶段都可以通过或退回；区划的审核员在“用户和角色”中添加。</p>
        {reviewers.length === 0 ? (
          <p>本区还没有审核员。</p>
        ) : (
          <table className="data" data-testid="stage-reviewer-list">
            <thead>
              <tr>
                <th>审核员</th>
                <th>审核阶段</th>
              </tr>
            </thead>
            <tbody>
              {reviewers.map((r) => (
                <tr key={r.id} data-testid={`reviewer-${r.user.username}`}>
                  <td>
                    <strong>{r.user.username}</strong>
                    <div>{r.user.displayName}</div>
                    {r.user.active ? null : <span className="badge">已停用</span>}
                  </td>
                  <td>
                    <AdminForm action={assignReviewerAction} schema="assignReviewer" submit="保存" className={styles.inline}>
                      <input type="hidden" name="membershipId" value={r.id} />
                      <label>
                        负责阶段
                        <select name="stageId" defaultValue={r.reviewStageId ?? ""}>
                          <option value="">各阶段均可</option>
                          {stages.map((s) => (
                            <option key={s.id} value={s.id}>
                              {s.position}. {s.name}
                            </option>
                          ))}
                        </select>
                      </label>
                    </AdminForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
