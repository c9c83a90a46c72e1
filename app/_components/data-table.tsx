"use client";
// The one table of the app: @tanstack/react-table with pagination, sorting and filtering done by
// the server (manual*), so a table of a million rows costs one page of data. The caller owns the
// state (normally the URL, via useUrlState) and passes it in; this component only draws it.
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type PaginationState,
  type RowData,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useEffect, useState, type ReactNode } from "react";
import { formatCount } from "@/lib/format";
import { ChevronLeftIcon, ChevronRightIcon } from "./icons";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-align numbers so digits line up. */
    align?: "left" | "right";
    /** Extra class on the header and cells, e.g. "nowrap". */
    className?: string;
  }
}

export const DEFAULT_PAGE_SIZES = [10, 25, 50, 100] as const;

export interface DataTableProps<T> {
  /** Accessible name of the table, e.g. "Datasets". */
  label: string;
  // The value type varies per column; `any` here is what react-table's own examples use.
  columns: ColumnDef<T, any>[];
  data: T[];
  /** Rows matching the filters on the server, across all pages (default: the rows given). */
  total?: number;
  /** 1-based, as in the URL and the API. */
  page?: number;
  pageSize?: number;
  pageSizeOptions?: readonly number[];
  /** Without it the table is not paginated: every row given is shown. */
  onPageChange?: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  /** Only columns with `enableSorting: true` get a sort button; their ids are the API's sort fields. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** Filters already applied by the server; passed so the table state mirrors the URL. */
  columnFilters?: ColumnFiltersState;
  toolbar?: ReactNode;
  loading?: boolean;
  /** Replaces the body when set (the designed error state). */
  error?: ReactNode;
  /** Shown when there are no rows and no error. */
  empty?: ReactNode;
  getRowId?: (row: T) => string;
  isRowSelected?: (row: T) => boolean;
  /** Plural noun for the footer, e.g. "datasets". */
  noun?: string;
}

/**
 * The paging props of a table whose page and page size live in the URL and whose rows come from
 * one `{ items, total }` page of the API: what every server-paginated list passes to DataTable.
 */
export function serverPagingProps<T>(
  answer: { items: T[]; total: number } | null | undefined,
  page: number,
  pageSize: number,
  update: (changes: { page?: number; pageSize?: number }) => void,
) {
  return {
    data: answer?.items ?? [],
    total: answer?.total ?? 0,
    page,
    pageSize,
    onPageChange: (next: number) => update({ page: next }),
    onPageSizeChange: (next: number) => update({ pageSize: next }),
  };
}

function resolve<S>(updater: Updater<S>, current: S): S {
  return typeof updater === "function" ? (updater as (old: S) => S)(current) : updater;
}

export function DataTable<T>({
  label,
  columns,
  data,
  total = data.length,
  page = 1,
  pageSize = Math.max(1, data.length),
  pageSizeOptions = DEFAULT_PAGE_SIZES,
  onPageChange,
  onPageSizeChange,
  sorting = [],
  onSortingChange,
  columnFilters = [],
  toolbar,
  loading = false,
  error,
  empty,
  getRowId,
  isRowSelected,
  noun = "rows",
}: DataTableProps<T>) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };

  const table = useReactTable<T>({
    data,
    columns,
    getRowId: getRowId ? (row) => getRowId(row) : undefined,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: false,
    // Columns opt in with `enableSorting: true`: only fields the API can sort by.
    defaultColumn: { enableSorting: false },
    state: { pagination, sorting, columnFilters },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      if (next.pageSize !== pageSize) onPageSizeChange?.(next.pageSize);
      else if (next.pageIndex !== pagination.pageIndex) onPageChange?.(next.pageIndex + 1);
    },
    onSortingChange: (updater) => onSortingChange?.(resolve(updater, sorting)),
  });

  // Only show the loading veil for waits long enough to notice, so fast pages do not flicker.
  const [showLoading, setShowLoading] = useState(false);
  useEffect(() => {
    if (!loading) {
      setShowLoading(false);
      return;
    }
    const timer = setTimeout(() => setShowLoading(true), 150);
    return () => clearTimeout(timer);
  }, [loading]);

  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, (page - 1) * pageSize + data.length);
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;

  let body: ReactNode;
  if (error) {
    body = (
      <tr>
        <td colSpan={columnCount} className="table-state">
          {error}
        </td>
      </tr>
    );
  } else if (rows.length === 0 && loading) {
    body = Array.from({ length: Math.min(pageSize, 5) }, (_, i) => (
      <tr key={`skeleton-${i}`}>
        {Array.from({ length: columnCount }, (_, j) => (
          <td key={j}>
            <span className="skeleton" style={{ width: `${50 + ((i * 7 + j * 13) % 40)}%` }} />
          </td>
        ))}
      </tr>
    ));
  } else if (rows.length === 0) {
    body = (
      <tr>
        <td colSpan={columnCount} className="table-state">
          {empty ?? <span className="muted">Nothing matches these filters.</span>}
        </td>
      </tr>
    );
  } else {
    body = rows.map((row) => (
      <tr key={row.id} className={isRowSelected?.(row.original) ? "is-selected" : undefined}>
        {row.getVisibleCells().map((cell) => {
          const meta = cell.column.columnDef.meta;
          const className = [meta?.align === "right" ? "num" : "", meta?.className ?? ""].filter(Boolean).join(" ");
          return (
            <td key={cell.id} className={className || undefined}>
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </td>
          );
        })}
      </tr>
    ));
  }

  return (
    <div className="table-card">
      {toolbar ? <div className="table-toolbar">{toolbar}</div> : null}
      <div className="table-scroll">
        <table className="table" aria-label={label} aria-busy={loading || undefined}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sortable = header.column.getCanSort() && !!onSortingChange;
                  const sorted = header.column.getIsSorted();
                  const className = [meta?.align === "right" ? "num" : "", meta?.className ?? ""].filter(Boolean).join(" ");
                  const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      className={className || undefined}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      scope="col"
                    >
                      {sortable ? (
                        <button
                          type="button"
                          className="sort-button"
                          data-sorted={sorted || undefined}
                          onClick={header.column.getToggleSortingHandler()}
                          title="Sort"
                        >
                          {content}
                          <span className="sort-indicator" aria-hidden="true">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>{body}</tbody>
        </table>
        {showLoading && rows.length > 0 ? <div className="table-loading" aria-hidden="true" /> : null}
      </div>
      {!error && total > 0 && onPageChange ? (
        <div className="table-footer">
          <span className="num" data-testid="table-range">
            {formatCount(first)}–{formatCount(last)} of {formatCount(total)} {noun}
          </span>
          <div className="pager">
            {onPageSizeChange ? (
              <label className="row">
                <span>Rows per page</span>
                <select
                  className="select"
                  value={pageSize}
                  onChange={(event) => table.setPageSize(Number(event.target.value))}
                  aria-label="Rows per page"
                >
                  {Array.from(new Set([...pageSizeOptions, pageSize]))
                    .sort((a, b) => a - b)
                    .map((size) => (
                      <option key={size} value={size}>
                        {size}
                      </option>
                    ))}
                </select>
              </label>
            ) : null}
            <span className="num">
              Page {formatCount(page)} of {formatCount(pageCount)}
            </span>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => table.previousPage()}
              disabled={page <= 1}
              aria-label="Previous page"
            >
              <ChevronLeftIcon size={14} />
            </button>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => table.nextPage()}
              disabled={page >= pageCount}
              aria-label="Next page"
            >
              <ChevronRightIcon size={14} />
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
