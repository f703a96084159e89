import type { WidgetConfig } from './config';

/** A part of the customer page (call, chat): mounted into its section, returns its disposer. */
export type MountPart = (section: HTMLElement, config: WidgetConfig) => () => void;
