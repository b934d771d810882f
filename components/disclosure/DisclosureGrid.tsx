import { displayAmount } from "@/lib/format";
import type { CellAddress, GridCell, GridTable } from "@/lib/public/layout";
import { textLines } from "@/lib/budget/text-lines";
import "./disclosure.css";

/** A text whose `<br>` (from imported documents) and newlines show as line breaks, still escaped. */
function Lines({ text }: { text: string }) {
  const lines = textLines(text);
  return lines.map((line, i) => (
    <span key={i}>
      {i > 0 ? <br /> : null}
      {line}
    </span>
  ));
}

/** The address of one figure's trace page (the public page and the reviewer pass their own). */
export type TraceHref = (ref: CellAddress) => string;

function Cell({ cell, traceHref }: { cell: GridCell; traceHref?: TraceHref | undefined }) {
  const spans = {
    ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
    ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
  };
  switch (cell.kind) {
    case "head":
      return (
        <th scope="col" {...spans}>
          {cell.text}
        </th>
      );
    case "label":
      return (
        <th scope="row" className="dz-label" {...spans}>
          {cell.text}
        </th>
      );
    case "code":
      return (
        <td className="dz-code" {...spans}>
          {cell.text}
        </td>
      );
    case "amount": {
      const shown = displayAmount(cell.amount);
      // A plain link per amount (no client script): keyboard- and screen-reader-reachable, and
      // it opens the lines behind the figure on a small page of its own.
      return (
        <td className="dz-num" data-amount={cell.amount} {...spans}>
          {traceHref && cell.ref && shown !== "" ? (
            <a className="dz-trace" href={traceHref(cell.ref)} title="查看该数字的来源明细">
              {shown}
            </a>
          ) : (
            shown
          )}
        </td>
      );
    }
    case "text":
      return (
        <td className={cell.indent ? `dz-text dz-indent-${Math.min(cell.indent, 3)}` : "dz-text"} {...spans}>
          <Lines text={cell.text} />
        </td>
      );
  }
}

/**
 * One table of the disclosure exactly as its grid says: title, 编制单位, 单位：万元, the merged
 * header, the rows and the 备注. Text is rendered by React, hence escaped: budget text is inert.
 */
export function DisclosureGrid({
  table,
  headingLevel = 2,
  traceHref,
}: {
  table: GridTable;
  headingLevel?: 2 | 3;
  /** When given, every non-empty amount links to the trace of its figure. */
  traceHref?: TraceHref | undefined;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="dz-table" id={table.key} data-table={table.key} aria-labelledby={`${table.key}-title`}>
      <Heading id={`${table.key}-title`} className="dz-title">
        {table.title}
      </Heading>
      {table.preface.map((line) => (
        <p key={line} className="dz-preface">
          {line}
        </p>
      ))}
      <p className="dz-unit">{table.unitLabel}</p>
      <p className="dz-scroll-cue dz-noprint" aria-hidden="true">
        表格较宽，可左右滑动查看 →
      </p>
      <div className="dz-scroll">
        <table className="dz-grid" data-testid={`table-${table.key}`}>
          {table.head.length > 0 ? (
            <thead>
              {table.head.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <Cell key={c} cell={cell} />
                  ))}
                </tr>
              ))}
            </thead>
          ) : null}
          <tbody>
            {table.body.map((row, r) => (
              <tr key={r} className={row.total ? "dz-total" : undefined}>
                {row.cells.map((cell, c) => (
                  <Cell key={c} cell={cell} traceHref={traceHref} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.note ? <p className="dz-note">备注：{table.note}</p> : null}
    </section>
  );
}
