"use client";
import type { CeilingKind } from "@/lib/budget/ceilings";
import { editorCeilingUse } from "@/lib/workspace/ceiling-checks";
import type { Budget } from "@/lib/budget/model";
import { toWanYuan } from "@/lib/budget/money";
import { formatWanDisplay } from "@/lib/format";
import { useEditor } from "./EditorContext";

const wan = (yuan: Parameters<typeof toWanYuan>[0]) => formatWanDisplay(toWanYuan(yuan));

/**
 * 控制数 use of what is on screen, updated as the accountant types: used, left, and what is over
 * (报送 is refused above any of them). Nothing shows before the bureau issues 控制数.
 */
export function CeilingMeter({ budget, kind }: { budget: Pick<Budget, "basicExpenditure" | "projects"> | undefined; kind: CeilingKind }) {
  const editor = useEditor();
  const ceilings = editor.ceilings.filter((c) => c.kind === kind);
  if (ceilings.length === 0 || !budget) return null;
  return (
    <div className="ceiling-meter" data-testid={`ceiling-meter-${kind}`} aria-live="polite">
      <strong>控制数（万元）</strong>
      <ul>
        {editorCeilingUse(budget, ceilings).map((u) => (
          <li key={u.label} className={u.exceeded ? "error" : undefined} data-testid="ceiling-use-line">
            {u.label}：控制数 <span data-testid="ceiling-amount">{wan(u.ceiling.amount)}</span>，已安排 <span data-testid="ceiling-used">{wan(u.used)}</span>，
            {u.exceeded ? (
              <>
                超出 <span data-testid="ceiling-over">{wan(u.left.negated())}</span>（报送时将被拒绝）
              </>
            ) : (
              <>
                剩余 <span data-testid="ceiling-left">{wan(u.left)}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
