// The console's data tables (visitors per floor, top stands, unanswered questions, event
// viewers, moderation): one header row, a row per item, and one "none" row when empty.
import type { ReactNode } from 'react';

export interface OrgRow {
  key: string;
  cells: ReactNode[];
  className?: string;
}

interface Props {
  head: string[];
  rows: OrgRow[];
  /** Shown across the table when there are no rows. */
  empty: string;
  /** The first cell names the row (a row header for screen readers). */
  rowHeader?: boolean;
  labelledBy?: string;
}

export function OrgTable({ head, rows, empty, rowHeader = false, labelledBy }: Props) {
  return (
    <table className="org-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.className}>
            {r.cells.map((c, i) =>
              i === 0 && rowHeader ? (
                <th key={i} scope="row">
                  {c}
                </th>
              ) : (
                <td key={i}>{c}</td>
              ),
            )}
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={head.length}>{empty}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
