import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Observable } from 'rxjs';
import { AllCommunityModule, themeQuartz } from 'ag-grid-community';
import type {
  CellKeyDownEvent,
  ColDef,
  FullWidthCellKeyDownEvent,
  GridApi,
  GridReadyEvent,
  ICellRendererParams,
  IRowNode,
  SuppressKeyboardEventParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { channels } from '@contract/agent';
import { interactionStates } from '@contract/routing';
import { ChannelIcon } from './ChannelIcon';
import { fitTransaction } from './grid-transaction';
import { formatDuration, secondsSince, secondsUntil, priorityHeadStart } from './inbox-format';
import { hasChoiceFilter, noFilter, passesFilter } from './inbox-filter';
import type { InboxFilter } from './inbox-filter';
import type { InboxRow } from './inbox-row';
import type { InboxStore } from './inbox-store';
import { CallOnPhoneHint, OfferActions } from './OfferActions';

const modules = [AllCommunityModule];
// Above this many added rows a batch replaces the row data instead of going in as a transaction.
const bulkRows = 1000;
// Columns whose text depends on the clock: refreshed together on each tick of the one shared clock.
const tickingColumns = ['time', 'expires', 'sla'];

/**
 * What the grid's cells and callbacks read that is not in the row: the clock, queue names, offers
 * being answered, the filter and the latest handlers. One object the grid keeps as its context;
 * effects update it and refresh the cells concerned, so the grid's options never change identity.
 */
class GridContext {
  now = 0;
  queueNames: ReadonlyMap<string, string> = new Map();
  agentNames: ReadonlyMap<string, string> = new Map();
  pending: ReadonlySet<string> = new Set();
  callsOnToolbar = false;
  filter: InboxFilter = noFilter;
  handlers: Pick<
    InboxGridProps,
    'onAccept' | 'onReject' | 'onOpen' | 'onNotOffered' | 'onDisplayedCount'
  > | null = null;

  update(patch: Partial<Omit<GridContext, 'update'>>): void {
    Object.assign(this, patch);
  }
}

/** Props of the grid: the store it mirrors, the shared clock, filters, and what the row actions do. */
export interface InboxGridProps {
  store: InboxStore;
  clock$: Observable<number>;
  filter: InboxFilter;
  queueNames: ReadonlyMap<string, string>;
  /** Display names for the Agent column (leads). */
  agentNames: ReadonlyMap<string, string>;
  /** Ids of offers with an accept or reject under way. */
  pending: ReadonlySet<string>;
  /** Team leads see whose work each row is. */
  showAgent: boolean;
  /** Calls are answered on the phone toolbar only (no softphone here): voice offers show a hint, not buttons. */
  callsOnToolbar?: boolean;
  /**
   * Updates change rows where they stand, without re-sorting or re-filtering the whole list (adds,
   * removes, a sort or filter change still do): for a lead's list of many thousand rows and a busy stream.
   */
  updatesInPlace?: boolean;
  onAccept: (row: InboxRow) => void;
  onReject: (row: InboxRow) => void;
  onOpen: (row: InboxRow) => void;
  /** Told when a shortcut was used on a row that is not an offer. */
  onNotOffered: () => void;
  onDisplayedCount: (shown: number, total: number) => void;
}

const context = (params: { context: unknown }) => params.context as GridContext;

// Its own column (not a decoration of the customer cell) so the grid refreshes it when only the
// mark changes: ag-grid re-renders a cell only when its own value changes.
function UnreadCell({ data }: ICellRendererParams<InboxRow>) {
  const { t } = useTranslation();
  return data?.unread ? (
    <span className="inbox-unread" role="img" aria-label={t('inbox.unread')} title={t('inbox.unread')} />
  ) : null;
}

function ActionsCell(params: ICellRendererParams<InboxRow>) {
  const row = params.data;
  if (!row || row.state !== 'offered') return null;
  const ctx = context(params);
  if (row.channel === 'voice' && ctx.callsOnToolbar) return <CallOnPhoneHint />;
  return (
    <OfferActions
      customer={row.customer}
      pending={ctx.pending.has(row.id)}
      onAccept={() => ctx.handlers?.onAccept(row)}
      onReject={() => ctx.handlers?.onReject(row)}
    />
  );
}

// Tab walks through the buttons of an actions cell before leaving it, so Accept and Reject are
// reachable without a mouse; everything else is the grid's own keyboard handling.
function tabThroughButtons({ event }: SuppressKeyboardEventParams<InboxRow>): boolean {
  if (event.key !== 'Tab' || event.type !== 'keydown') return false;
  const target = event.target as HTMLElement;
  const cell = target.closest('.ag-cell');
  const buttons = cell ? [...cell.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')] : [];
  if (buttons.length === 0) return false;
  const index = buttons.indexOf(target as HTMLButtonElement);
  const next = event.shiftKey ? (index === -1 ? -1 : index - 1) : index + 1;
  const button = buttons[next];
  if (!button) return false;
  event.preventDefault();
  button.focus();
  return true;
}

function columnDefs(t: TFunction, showAgent: boolean): ColDef<InboxRow>[] {
  // Translated once per language: the quick filter reads these for every row, and t() per row is slow at 100,000 rows.
  const channelNames = new Map(channels.map((c) => [c, t(`inbox.channel.${c}`)]));
  const stateNames = new Map(interactionStates.map((st) => [st, t(`inbox.state.${st}`)]));
  const columns: ColDef<InboxRow>[] = [
    {
      colId: 'unread',
      field: 'unread',
      headerName: t('inbox.column.unread'),
      width: 64,
      cellRenderer: UnreadCell,
      getQuickFilterText: () => '',
    },
    {
      colId: 'channel',
      field: 'channel',
      headerName: t('inbox.column.channel'),
      width: 104,
      cellRenderer: ({ data }: ICellRendererParams<InboxRow>) =>
        data ? <ChannelIcon channel={data.channel} /> : null,
      getQuickFilterText: ({ data }) => channelNames.get(data.channel) ?? data.channel,
    },
    {
      colId: 'customer',
      field: 'customer',
      headerName: t('inbox.column.customer'),
      flex: 1,
      minWidth: 140,
    },
    // Right after the customer, so Accept and Reject show without scrolling in a pane a third of a
    // laptop screen wide (every column together is about 1,300 px).
    {
      colId: 'actions',
      headerName: t('inbox.column.actions'),
      width: 190,
      sortable: false,
      cellRenderer: ActionsCell,
      suppressKeyboardEvent: tabThroughButtons,
      getQuickFilterText: () => '',
    },
    { colId: 'subject', field: 'subject', headerName: t('inbox.column.subject'), flex: 2, minWidth: 160 },
    {
      colId: 'queue',
      headerName: t('inbox.column.queue'),
      width: 140,
      valueGetter: (p) => (p.data ? (context(p).queueNames.get(p.data.queueId) ?? p.data.queueId) : ''),
    },
    {
      colId: 'state',
      field: 'state',
      headerName: t('inbox.column.state'),
      width: 120,
      cellRenderer: ({ data }: ICellRendererParams<InboxRow>) =>
        data ? (
          <span className="inbox-state" data-state={data.state} data-testid="inbox-state">
            {t(`inbox.state.${data.state}`)}
          </span>
        ) : null,
      getQuickFilterText: ({ data }) => stateNames.get(data.state) ?? data.state,
    },
    {
      colId: 'time',
      headerName: t('inbox.column.time'),
      width: 120,
      valueGetter: (p) => (p.data ? secondsSince(p.data.updatedAt, context(p).now) : null),
      valueFormatter: ({ value }) => (typeof value === 'number' ? formatDuration(value) : ''),
      getQuickFilterText: () => '',
    },
    {
      colId: 'priority',
      field: 'priority',
      headerName: t('inbox.column.priority'),
      headerTooltip: t('inbox.priorityHint'),
      width: 100,
      sort: 'desc',
      valueFormatter: ({ value }) => {
        const ahead = priorityHeadStart(typeof value === 'number' ? value : null);
        return ahead ? t('inbox.priorityAhead', { count: ahead.minutes }) : t('inbox.priorityNormal');
      },
      getQuickFilterText: () => '',
    },
    {
      colId: 'sla',
      headerName: t('inbox.column.sla'),
      width: 120,
      valueGetter: (p) => (p.data ? secondsUntil(p.data.slaDueAt, context(p).now) : null),
      valueFormatter: ({ value }) =>
        typeof value !== 'number'
          ? ''
          : value < 0
            ? t('inbox.overdue', { time: formatDuration(-value) })
            : formatDuration(value),
      cellClassRules: { 'inbox-cell--late': ({ value }) => typeof value === 'number' && value < 0 },
      getQuickFilterText: () => '',
    },
    {
      colId: 'expires',
      headerName: t('inbox.column.expires'),
      width: 120,
      valueGetter: (p) => (p.data ? secondsUntil(p.data.expiresAt, context(p).now) : null),
      valueFormatter: ({ value }) =>
        typeof value !== 'number' ? '' : value <= 0 ? t('inbox.expired') : formatDuration(value),
      getQuickFilterText: () => '',
    },
  ];
  if (showAgent)
    columns.push({
      colId: 'agent',
      headerName: t('inbox.column.agent'),
      width: 160,
      valueGetter: (p) =>
        p.data?.agentId ? (context(p).agentNames.get(p.data.agentId) ?? p.data.agentId) : '',
    });
  return columns;
}

/** The inbox list: ag-grid fed by the store's batched transactions, one clock for every timer. */
export function InboxGrid(props: InboxGridProps) {
  const { store, clock$, filter, queueNames, agentNames, pending, showAgent } = props;
  const { t } = useTranslation();
  const [api, setApi] = useState<GridApi<InboxRow> | null>(null);
  const [gridContext] = useState(() => new GridContext());
  const columns = useMemo(() => columnDefs(t, showAgent), [t, showAgent]);

  useLayoutEffect(() => {
    const { onAccept, onReject, onOpen, onNotOffered, onDisplayedCount } = props;
    gridContext.update({ handlers: { onAccept, onReject, onOpen, onNotOffered, onDisplayedCount } });
  });

  const countRows = useCallback(
    (gridApi: GridApi<InboxRow>) => {
      // The store's size, not a walk over every grid node: this runs after every transaction.
      gridContext.handlers?.onDisplayedCount(gridApi.getDisplayedRowCount(), store.size());
    },
    [gridContext, store],
  );

  // The clock first, so the first rows already show their times.
  useEffect(() => {
    if (!api) return;
    const subscription = clock$.subscribe((now) => {
      gridContext.update({ now });
      api.refreshCells({ columns: tickingColumns });
    });
    return () => subscription.unsubscribe();
  }, [api, clock$, gridContext]);

  useEffect(() => {
    if (!api) return;
    api.setGridOption('rowData', store.rows());
    countRows(api);
    const subscription = store.transactions$.subscribe((tx) => {
      // A bulk load (a lead's list) goes in as new row data: one pass instead of a transaction of thousands of adds.
      if (tx.add.length > bulkRows) api.setGridOption('rowData', store.rows());
      else api.applyTransaction(fitTransaction(tx, (id) => api.getRowNode(id) !== undefined));
      countRows(api);
    });
    return () => subscription.unsubscribe();
  }, [api, store, countRows]);

  useEffect(() => {
    gridContext.update({ queueNames });
    api?.refreshCells({ columns: ['queue'], force: true });
  }, [api, queueNames, gridContext]);

  useEffect(() => {
    gridContext.update({ agentNames });
    api?.refreshCells({ columns: ['agent'], force: true });
  }, [api, agentNames, gridContext]);

  const callsOnToolbar = props.callsOnToolbar ?? false;
  useEffect(() => {
    gridContext.update({ pending, callsOnToolbar });
    api?.refreshCells({ columns: ['actions'], force: true });
  }, [api, pending, callsOnToolbar, gridContext]);

  useEffect(() => {
    gridContext.update({ filter });
    if (!api) return;
    api.onFilterChanged();
    countRows(api);
  }, [api, filter, countRows, gridContext]);

  const onGridReady = useCallback((event: GridReadyEvent<InboxRow>) => setApi(event.api), []);

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<InboxRow> | FullWidthCellKeyDownEvent<InboxRow>) => {
      const key = event.event as KeyboardEvent | null | undefined;
      const row = event.data;
      const handlers = gridContext.handlers;
      if (!key || !row || !handlers || key.ctrlKey || key.metaKey || key.altKey) return;
      // A focused button handles its own Enter and Space.
      if ((key.target as HTMLElement | null)?.closest('button')) return;
      const shortcut = key.key.toLowerCase();
      if (key.key === 'Enter') handlers.onOpen(row);
      else if (shortcut === 'a' || shortcut === 'r') {
        key.preventDefault();
        if (row.state !== 'offered') handlers.onNotOffered();
        else if (shortcut === 'a') handlers.onAccept(row);
        else handlers.onReject(row);
      }
    },
    [gridContext],
  );

  const isExternalFilterPresent = useCallback(() => hasChoiceFilter(gridContext.filter), [gridContext]);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<InboxRow>) => !!node.data && passesFilter(node.data, gridContext.filter),
    [gridContext],
  );

  return (
    <div className="inbox-grid" data-testid="inbox-grid">
      <AgGridReact<InboxRow>
        modules={modules}
        theme={themeQuartz}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        context={gridContext}
        getRowId={getRowId}
        rowClassRules={rowClassRules}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        quickFilterText={filter.search}
        onGridReady={onGridReady}
        onCellKeyDown={onCellKeyDown}
        onRowDoubleClicked={({ data }) => data && gridContext.handlers?.onOpen(data)}
        onModelUpdated={({ api: gridApi }) => countRows(gridApi)}
        overlayNoRowsTemplate={`<span>${t('inbox.empty')}</span>`}
        animateRows={false}
        // Live updates re-sort only the rows they touch, not all of them (a lead's list is 100,000 rows).
        deltaSort
        suppressModelUpdateAfterUpdateTransaction={props.updatesInPlace ?? false}
        // Each row's quick-filter text is built once and kept until the row changes.
        cacheQuickFilter
        // A dozen columns in a narrow pane: render them all, so every cell (and its buttons) is in the DOM for assistive tech.
        suppressColumnVirtualisation
      />
    </div>
  );
}

const defaultColDef: ColDef<InboxRow> = { sortable: true, resizable: true, suppressHeaderMenuButton: true };
const getRowId = ({ data }: { data: InboxRow }) => data.id;
const rowClassRules = {
  'inbox-row--unread': ({ data }: { data?: InboxRow | undefined }) => data?.unread === true,
};
