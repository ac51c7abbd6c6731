import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { forProvince } from '../../../server/catalog/province-text.ts';
import { foldForSearch } from '../../../server/domain/text.ts';
import { collectionDownloadUrl } from '../../lib/download-urls.ts';
import { isSelectedRow, rowSelection, type ShownTable } from '../../state/tables.ts';
import { theProvince } from '../../state/province.ts';
import { lang, select, selection } from '../../state/ui-state.ts';
import { DownloadMenu } from '../download-menu.tsx';
import { formatDate, t, tf } from '../i18n.ts';
import { isNumeric, tableColumns } from './columns.ts';
import { unitsLabel } from './units-label.ts';

type Sort = { key: string; dir: 'ascending' | 'descending' };

/**
 * One shown collection as an accessible table: a real <table> with a caption, scoped headers,
 * sortable columns (aria-sort), a filter box whose row count a live region announces, and rows
 * whose name selects the feature on the map (it flies there and opens its card). A selection
 * made on the map marks its row and scrolls it into view.
 */
export function DataTable({ table }: { table: ShownTable }) {
  const l = lang.value;
  const c = table.collection;
  const title = forProvince(c.title, theProvince());
  const columns = useMemo(() => tableColumns(c), [c]);
  const [sort, setSort] = useState<Sort | null>(null);
  const [query, setQuery] = useState('');
  const body = useRef<HTMLTableSectionElement>(null);

  const rows = useMemo(
    () =>
      table.rows.map((f) => {
        const values = columns.map((col) => col.value(f.properties));
        const texts = columns.map((col, i) => col.text(values[i], l, f.properties));
        return { feature: f, id: String(f.id), values, texts, folded: foldForSearch(texts.join(' ')) };
      }),
    [table.rows, columns, l],
  );
  const needle = foldForSearch(query);
  const shown = useMemo(() => {
    const kept = needle ? rows.filter((r) => r.folded.includes(needle)) : rows;
    if (!sort) return kept;
    const i = columns.findIndex((col) => col.key === sort.key);
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return [...kept].sort((a, b) => {
      const empty = (v: unknown) => v === null || v === undefined || v === '';
      // Empty values stay last in both directions.
      if (empty(a.values[i]) || empty(b.values[i])) return columns[i].compare(a.values[i], b.values[i], l);
      return sign * columns[i].compare(a.values[i], b.values[i], l);
    });
  }, [rows, needle, sort, columns, l]);

  const sel = selection.value;
  useEffect(() => {
    const row = sel && body.current?.querySelector<HTMLElement>('tr[aria-current="true"]');
    row?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [sel, shown]);

  const toggleSort = (key: string) => setSort((s) => ({ key, dir: s?.key === key && s.dir === 'ascending' ? 'descending' : 'ascending' }));
  const sorted = sort && columns.find((col) => col.key === sort.key);
  const captionId = `caption-${c.id}`;
  const filterId = `filter-${c.id}`;
  // The legend's filters in the table's own words: "Số sao: 4★, 5★".
  const filterText = Object.entries(table.filters)
    .map(([name, raw]) => {
      const col = columns.find((x) => x.key === name);
      return col
        ? `${col.label[l]}: ${raw
            .split(',')
            .map((v) => col.text(v, l))
            .join(', ')}`
        : `${name}: ${raw}`;
    })
    .join('; ');

  return (
    <div class="data-table" data-collection={c.id}>
      <div class="table-tools">
        <label for={filterId}>{t('filterRows', l)}</label>
        <input
          id={filterId}
          type="search"
          value={query}
          placeholder={t('filterRowsPlaceholder', l)}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <p class="row-count" role="status" aria-live="polite">
          {tf('rowCount', l, { shown: shown.length, total: rows.length })}
          {sorted && `. ${tf('sortedBy', l, { column: sorted.label[l], direction: t(sort!.dir, l) })}`}
        </p>
        <DownloadMenu label={t('downloadTable', l)} url={(f) => collectionDownloadUrl(table, f)} />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1) */}
      <section class="table-scroll" aria-labelledby={captionId} tabIndex={0}>
        <table>
          <caption id={captionId}>
            {table.asOf
              ? tf('tableCaption', l, { title: title[l], date: formatDate(table.asOf, l), units: unitsLabel(c.unitSet, l) })
              : tf('tableCaptionUndated', l, { title: title[l] })}
            {filterText && <span class="caption-note"> · {tf('filteredBy', l, { filters: filterText })}</span>}
            <span class="caption-note visually-hidden"> · {t('selectRowHint', l)}</span>
          </caption>
          <thead>
            <tr>
              {columns.map((col) => (
                <th key={col.key} scope="col" class={isNumeric(col) ? 'num' : undefined} aria-sort={sort?.key === col.key ? sort.dir : undefined}>
                  <button type="button" class="sort-button" onClick={() => toggleSort(col.key)}>
                    {col.label[l]}
                    <span class="sort-mark" aria-hidden="true">
                      {sort?.key === col.key ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={body}>
            {shown.map((r) => {
              const current = isSelectedRow(table, r.feature, sel);
              return (
                <tr key={r.id} data-id={r.id} aria-current={current ? 'true' : undefined} class={current ? 'selected' : undefined}>
                  {columns.map((col, i) =>
                    col.rowHeader ? (
                      <th key={col.key} scope="row">
                        <button type="button" class="row-select" onClick={() => select(rowSelection(table, r.feature))}>
                          {r.texts[i]}
                        </button>
                        {table.placesKnown && r.feature.geometry === null && <span class="muted small"> ({t('notOnMap', l)})</span>}
                      </th>
                    ) : (
                      <td key={col.key} class={isNumeric(col) ? 'num' : col.kind === 'list' || /(Text|Note)$/.test(col.key) ? 'long' : undefined}>
                        {r.texts[i]}
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
