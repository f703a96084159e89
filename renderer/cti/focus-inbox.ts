// The focus-the-inbox hotkey: where the focus lands, so the agent can go on with the inbox's own
// keys (arrows, Enter, A, R) at once.

/** Focuses the inbox's focused cell, else its first row's first cell, else its first control; false when there is none. */
export function focusInbox(root: ParentNode): boolean {
  const pane = root.querySelector('[data-pane="inbox"]');
  const target =
    pane?.querySelector<HTMLElement>('.ag-row .ag-cell-focus') ??
    pane?.querySelector<HTMLElement>('.ag-row .ag-cell') ??
    pane?.querySelector<HTMLElement>('input, select, button');
  target?.focus();
  return target !== null && target !== undefined;
}
