import { afterEach, describe, expect, it } from 'vitest';
import { focusInbox } from './focus-inbox';

describe('focusInbox', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('focuses the first cell of the first row in the inbox pane, not a cell elsewhere', () => {
    document.body.innerHTML = `
      <section data-pane="work-orders"><div class="ag-row"><div class="ag-cell" tabindex="-1" id="other"></div></div></section>
      <section data-pane="inbox"><input id="search" />
        <div class="ag-row"><div class="ag-cell" tabindex="-1" id="first"></div><div class="ag-cell" tabindex="-1"></div></div>
      </section>`;
    expect(focusInbox(document)).toBe(true);
    expect(document.activeElement?.id).toBe('first');
  });

  it('goes back to the cell the grid last focused', () => {
    document.body.innerHTML = `<section data-pane="inbox">
      <div class="ag-row"><div class="ag-cell" tabindex="-1"></div></div>
      <div class="ag-row"><div class="ag-cell ag-cell-focus" tabindex="-1" id="kept"></div></div></section>`;
    focusInbox(document);
    expect(document.activeElement?.id).toBe('kept');
  });

  it('falls back to the first control of an empty inbox, and reports when there is no inbox', () => {
    document.body.innerHTML = `<section data-pane="inbox"><select id="channel"></select></section>`;
    expect(focusInbox(document)).toBe(true);
    expect(document.activeElement?.id).toBe('channel');
    document.body.innerHTML = '';
    expect(focusInbox(document)).toBe(false);
  });
});
