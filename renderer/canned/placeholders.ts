// Fills {{placeholders}} in a canned text. A placeholder the seat does not know, or knows but has no
// value for (an anonymous customer's name), stays in the text as written, so the agent sees it and
// fixes it before sending instead of a sentence with a silent hole.

/** Values by placeholder name, e.g. "customer.name"; null or empty means unknown here. */
export type PlaceholderValues = Readonly<Record<string, string | null | undefined>>;

/** The filled text and the placeholders left in it. */
export interface FilledText {
  text: string;
  /** Names left unfilled, in order of first appearance, without duplicates. */
  unfilled: string[];
}

const placeholder = /\{\{\s*([a-zA-Z][\w.-]{0,63})\s*\}\}/g;

/** Replaces every known placeholder with its value; leaves the rest visible. */
export function fillPlaceholders(body: string, values: PlaceholderValues): FilledText {
  const unfilled: string[] = [];
  const text = body.replace(placeholder, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined || value === null || value.trim() === '') {
      if (!unfilled.includes(name)) unfilled.push(name);
      return whole;
    }
    return value;
  });
  return { text, unfilled };
}
