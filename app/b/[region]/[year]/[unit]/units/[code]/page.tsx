import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import Decimal from "decimal.js";
import { DisclosureDocument } from "@/components/disclosure";
import { formatDay, formatWanDisplay } from "@/lib/format";
import { budgetPath, unitApiPath } from "@/lib/public/public-key";
import { publishedUnitFromParams, type UnitParams } from "@/lib/public/published-resource";

// Follows the current version of the department's budget (a 预算调整 publishes new unit tables).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: UnitParams }): Promise<Metadata> {
  const found = await publishedUnitFromParams(params);
  return { title: found ? `${found.unit.name}${found.unit.department.year}年单位预算` : "未找到" };
}

/**
 * One unit's own tables (单位公开表), published with its department's consolidated budget (部门汇总)
 * and read from that snapshot: public exactly when, and as, the department's budget is.
 */
export default async function PublishedUnitPage({ params }: { params: UnitParams }) {
  const found = await publishedUnitFromParams(params);
  if (!found) notFound();
  const { key, unit } = found;
  const { department } = unit;
  return (
    <>
      <p className="muted">
        <Link href="/">公开预算</Link> /{" "}
        <Link href={`/b/${key.region}/${key.year}`}>
          {department.region.name} {department.year} 年
        </Link>{" "}
        / <Link href={budgetPath(key)}>{department.unit.name}</Link>
      </p>
      <h1>
        {unit.name} {department.year} 年单位预算
      </h1>
      <p data-testid="published-at">
        公开日期：<time dateTime={department.publishedAt.toISOString()}>{formatDay(department.publishedAt)}</time>
        <span className="muted">
          （单位编码 {unit.code}，随{department.unit.name}部门预算公开）
        </span>
      </p>
      <dl className="facts" data-testid="unit-facts">
        <dt>支出合计</dt>
        <dd data-testid="unit-expenditure-total">{formatWanDisplay(new Decimal(unit.summary.total))} 万元</dd>
        <dt>基本支出</dt>
        <dd>{formatWanDisplay(new Decimal(unit.summary.basic))} 万元</dd>
        <dt>项目支出</dt>
        <dd>{formatWanDisplay(new Decimal(unit.summary.project))} 万元</dd>
      </dl>
      <nav className="dz-downloads" aria-label="下载">
        <a className="button secondary" href={`${unitApiPath(key, unit.code)}?v=${department.snapshotId}`}>
          JSON 数据
        </a>
      </nav>
      <DisclosureDocument tables={unit.tables} />
    </>
  );
}
