"use client";
import type { SaveState } from "./useSectionForm";

export function SaveBar({ state, dirty, editable, onReload }: { state: SaveState; dirty: boolean; editable: boolean; onReload?: () => void }) {
  if (!editable) return <p className="notice">该预算当前状态不可编辑（只有编制中或已退回的预算可以修改）。</p>;
  return (
    <div className="savebar">
      <button type="submit" disabled={state.kind === "saving"}>
        {state.kind === "saving" ? "正在保存…" : "保存"}
      </button>
      <span className="muted shortcut">Ctrl+S</span>
      {dirty ? <span className="muted">有未保存的修改</span> : null}
      {state.kind === "saved" && !dirty ? (
        <span className="notice ok" role="status">
          已保存（第 {state.version} 版）
        </span>
      ) : null}
      {state.kind === "unchanged" && !dirty ? (
        <span className="notice" role="status">
          没有需要保存的修改
        </span>
      ) : null}
      {state.kind === "conflict" ? (
        <span className="error" role="alert" data-testid="save-conflict">
          {state.message}
          {onReload ? (
            <button type="button" className="secondary" onClick={onReload} style={{ marginLeft: "0.5rem" }}>
              放弃我的修改并载入最新版本
            </button>
          ) : null}
        </span>
      ) : null}
      {state.kind === "error" ? (
        <span className="error" role="alert">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
