/** One attached-data line as the generic pane shows it. */
export interface AttachedEntry {
  key: string;
  value: string;
}

const maxValueChars = 500;

// Attached data is whatever a channel adapter put there (IVR trail, pages visited, consent): show
// scalars as they are and anything nested as compact JSON, cut so one odd value cannot flood the pane.
function display(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : value === null || value === undefined
          ? '—'
          : (JSON.stringify(value) ?? '—');
  return text.length > maxValueChars ? `${text.slice(0, maxValueChars)}…` : text;
}

/** The attached data as sorted key/value lines for display. */
export function attachedEntries(attached: Record<string, unknown>): AttachedEntry[] {
  return Object.keys(attached)
    .sort((a, b) => a.localeCompare(b))
    .map((key) => ({ key, value: display(attached[key]) }));
}
