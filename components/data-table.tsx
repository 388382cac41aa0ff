import type { HTMLAttributes, ReactNode, TdHTMLAttributes } from "react";
import { Pagination } from "./pagination";
import { ErrorNote, Note } from "./query-state";
import styles from "./data-table.module.css";

/** `data-*` attributes: the test ids and states the rows and cells carry. */
type DataAttributes = { [key: `data-${string}`]: string | number | boolean | undefined };

export type RowProps = HTMLAttributes<HTMLTableRowElement> & DataAttributes;
export type CellProps = TdHTMLAttributes<HTMLTableCellElement> & DataAttributes;

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Class of the column's cells; a function for one that depends on the row. */
  className?: string | ((row: T) => string | undefined);
  /** Right-aligned, tabular figures (the header too). */
  numeric?: boolean;
  /** Hidden on a phone (760 px and narrower): what the row's own page shows anyway. */
  hideBelow?: "phone";
  /** The header cell's title (a hint on hover). */
  headerTitle?: string;
  /** More attributes of each cell (a test id, a title, a `data-label`). */
  cellProps?: (row: T) => CellProps;
}

export interface RowActions<T> {
  cell: (row: T) => ReactNode;
  /** The column's name for screen readers; "Actions" unless told. */
  label?: string;
  className?: string;
}

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** The pager's accessible name ("Audit pages"). */
  label: string;
}

interface Props<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  rowProps?: (row: T) => RowProps | undefined;
  /** A last column of buttons and links, its header visually hidden. */
  actions?: RowActions<T>;
  /** A row shown as one full-width cell instead of its columns (an inline editor), or null. */
  fullRow?: (row: T) => ReactNode | null;
  /** Said instead of the table when there are no rows (text in the empty note, an element as it is); without it an empty table shows its header. */
  empty?: ReactNode;
  emptyClassName?: string;
  /** Rows are (re)loading: "Loading…" while there are none, `aria-busy` on the table. */
  loading?: boolean;
  /** A failed load, shown above the table (with a retry when given). */
  error?: { message: string } | null;
  onRetry?: () => void;
  pagination?: PaginationProps;
  /** Every cell carries its column's header text as `data-label` (a phone layout of label/value cards). */
  labelCells?: boolean;
  /** Class of the <table> beside the shared `table`. */
  className?: string;
  "aria-label"?: string;
}

function cellClass<T>(col: Column<T>, row: T): string | undefined {
  const own = typeof col.className === "function" ? col.className(row) : col.className;
  return joinClasses(col.numeric ? "num" : undefined, own, col.hideBelow === "phone" ? styles.hidePhone : undefined);
}

function joinClasses(...names: (string | undefined | false)[]): string | undefined {
  const joined = names.filter(Boolean).join(" ");
  return joined || undefined;
}

/**
 * The app's table: typed columns, a row per item (with its test ids), optional row actions and
 * pager, and the loading, error and empty states. It scrolls inside its `.table-wrap` so a wide
 * table never widens the page.
 */
export function DataTable<T>(props: Props<T>) {
  const { columns, rows, rowKey, rowProps, actions, fullRow, empty, emptyClassName = "empty-note muted", loading, error, onRetry, pagination, labelCells, className } = props;
  const errorNote = error ? <ErrorNote message={error.message} onRetry={onRetry} /> : null;
  if (rows.length === 0 && loading) {
    return (
      <>
        {errorNote}
        <p className="card-body muted">Loading…</p>
      </>
    );
  }
  if (rows.length === 0 && empty !== undefined) {
    return (
      <>
        {errorNote}
        <Note className={emptyClassName}>{empty}</Note>
      </>
    );
  }
  const span = columns.length + (actions ? 1 : 0);
  return (
    <>
      {errorNote}
      <div className="table-wrap">
        <table className={joinClasses("table", className)} aria-label={props["aria-label"]} aria-busy={loading || undefined}>
          <thead>
            <tr>
              {columns.map((col) => (
                <th key={col.key} scope="col" className={joinClasses(col.numeric && "num", col.hideBelow === "phone" && styles.hidePhone)} title={col.headerTitle}>
                  {col.header}
                </th>
              ))}
              {actions && (
                <th scope="col">
                  <span className="visually-hidden">{actions.label ?? "Actions"}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const key = rowKey(row);
              const attrs = rowProps?.(row);
              const whole = fullRow?.(row);
              if (whole !== undefined && whole !== null) {
                return (
                  <tr key={key} {...attrs}>
                    <td colSpan={span}>{whole}</td>
                  </tr>
                );
              }
              return (
                <tr key={key} {...attrs}>
                  {columns.map((col) => {
                    const extra = col.cellProps?.(row);
                    const label = labelCells && typeof col.header === "string" ? col.header : undefined;
                    return (
                      <td key={col.key} data-label={label} {...extra} className={joinClasses(cellClass(col, row), extra?.className)}>
                        {col.cell(row)}
                      </td>
                    );
                  })}
                  {actions && <td className={actions.className}>{actions.cell(row)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pagination && <Pagination {...pagination} />}
    </>
  );
}
