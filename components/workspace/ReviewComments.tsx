"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { resolveCommentAction } from "@/lib/actions/budget/resolve-comment";
import { fieldOfComment } from "@/lib/workspace/comment-sections";
import { commentPlace } from "@/lib/workflow/comment-anchors";
import type { CommentView } from "@/lib/db/queries/budget-comments";
import { useEditor } from "./EditorContext";

/**
 * The finance bureau's comments on this part of the budget, each pointing at its field, with an
 * answer box for the accountant to mark it answered.
 */
export function ReviewComments({ comments, title = "审核意见" }: { comments: CommentView[]; title?: string }) {
  const editor = useEditor();
  if (comments.length === 0) return null;
  return (
    <section className="card" aria-label={title} data-testid="review-comments">
      <h3 style={{ marginTop: 0 }}>{title}</h3>
      <ul style={{ paddingLeft: "1.2rem" }}>
        {comments.map((c) => (
          <CommentItem key={c.id} comment={c} budgetId={editor.budgetId} canAnswer={editor.editable} projects={editor.saved.projects ?? []} />
        ))}
      </ul>
    </section>
  );
}

function CommentItem({
  comment,
  budgetId,
  canAnswer,
  projects,
}: {
  comment: CommentView;
  budgetId: number;
  canAnswer: boolean;
  projects: { code: string; name: string }[];
}) {
  const router = useRouter();
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const field = fieldOfComment(comment.section, comment.anchor, projects);
  const project = comment.section === "projects" || comment.section === "T11" ? projects.find((p) => p.code === comment.anchor) : undefined;
  // A table row is named with its table (表2 … · 2010301), a project by its name, not its code.
  const place = /^T\d+$/.test(comment.section)
    ? `（${commentPlace(comment.section, comment.anchor, new Map(projects.map((p) => [p.code, p.name])))}）`
    : project
      ? `（项目：${project.name}）`
      : comment.anchor
        ? `（${comment.anchor}）`
        : "";
  return (
    <li style={{ marginBottom: "0.75rem" }}>
      <div>
        <strong>{comment.author}</strong>
        {place}：{comment.body}
        {field ? (
          <>
            {" "}
            <a href={`#${encodeURIComponent(field)}`}>定位</a>
          </>
        ) : null}
      </div>
      {comment.resolvedAt ? (
        <div className="muted">已答复{comment.answer ? `：${comment.answer}` : ""}</div>
      ) : canAnswer ? (
        <div className="row-actions">
          <input aria-label="答复内容" placeholder="答复（可不填）" value={answer} onChange={(e) => setAnswer(e.target.value)} style={{ flex: 1 }} />
          <button
            type="button"
            className="secondary"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              const result = await resolveCommentAction({ budgetId, commentId: comment.id, answer });
              setPending(false);
              if (result.ok) router.refresh();
              else setError(result.message);
            }}
          >
            标记已答复
          </button>
          {error ? <span className="error">{error}</span> : null}
        </div>
      ) : (
        <div className="muted">待答复</div>
      )}
    </li>
  );
}
