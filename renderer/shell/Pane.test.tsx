import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Pane } from './Pane';

describe('Pane', () => {
  afterEach(cleanup);

  it('is a region named by its heading', () => {
    render(
      <Pane name="inbox" title="Inbox">
        <p>Work appears here.</p>
      </Pane>,
    );
    const region = screen.getByRole('region', { name: 'Inbox' });
    expect(region.dataset.pane).toBe('inbox');
    expect(region.textContent).toContain('Work appears here.');
  });
});
