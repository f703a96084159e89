import { useId } from 'react';
import type { ReactNode } from 'react';
import './Pane.css';

/** Props of one workspace pane: its heading and what it holds. */
export interface PaneProps {
  title: string;
  /** Stable name for tests and styling, e.g. "inbox". */
  name: string;
  children: ReactNode;
}

/** A labelled region of the workspace; screen readers list it by its heading. */
export function Pane({ title, name, children }: PaneProps) {
  const headingId = useId();
  return (
    <section className="pane" aria-labelledby={headingId} data-pane={name}>
      <h2 id={headingId} className="pane__title">
        {title}
      </h2>
      <div className="pane__body">{children}</div>
    </section>
  );
}
