"use client";
import type { FieldValues } from "react-hook-form";
import { differences } from "@/lib/workspace/merge-values";
import { fieldName } from "@/lib/workspace/field-names";
import { pathOfField, type SectionId } from "@/lib/workspace/sections";

export interface ConflictResolution {
  theirs: FieldValues;
  mine(): FieldValues;
  keepMine(): Promise<void>;
  takeTheirs(): void;
  merge(): void;
}

const MAX_ROWS = 30;

/**
 * A save refused because this section was saved meanwhile: who did (the message says whether it
 * was this same account in another window), their values beside the accountant's, and three
 * ways on — keep mine, take theirs, or merge — rather than only "discard mine".
 */
export function ConflictPanel({ section, message, resolve }: { section: SectionId; message: string; resolve: ConflictResolution }) {
  const rows = differences(resolve.theirs, resolve.mine());
  return (
    <div className="conflict card" role="alert" data-testid="save-conflict">
      <p style={{ marginTop: 0 }}>{message}</p>
      {rows.length > 0 ? (
        <table className="data" data-testid="conflict-differences">
          <thead>
            <tr>
              <th>字段</th>
              <th>对方保存的</th>
              <th>您的</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((r) => (
              <tr key={r.field}>
                <td>{fieldName(pathOfField(section, r.field))}</td>
                <td>{r.theirs}</td>
                <td>{r.mine}</td>
              </tr>
            ))}
            {rows.length > MAX_ROWS ? (
              <tr>
                <td colSpan={3}>……共 {rows.length} 处不同</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      ) : (
        <p className="muted">对方保存的内容与您现在的输入相同。</p>
      )}
      <div className="row-actions">
        <button type="button" onClick={() => void resolve.keepMine()}>
          保留我的并保存
        </button>
        <button type="button" className="secondary" onClick={resolve.takeTheirs}>
          采用对方的
        </button>
        <button type="button" className="secondary" onClick={resolve.merge}>
          合并两者
        </button>
      </div>
    </div>
  );
}
