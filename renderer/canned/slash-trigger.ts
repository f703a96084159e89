// The "/" trigger of the canned picker: a slash at the start of a line or after a space, followed by
// the word the agent is typing, with the caret at its end ("Hello /gre|" → query "gre").

/** The slash token under the caret: where it starts and ends in the text, and the query after "/". */
export interface SlashToken {
  start: number;
  end: number;
  query: string;
}

/** The active slash token, or null when the caret is not right after one. */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s])\/([\p{L}\p{N}_-]{0,32})$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, end: caret, query };
}

/** The text with `token` replaced by `insert`, and where the caret goes after it. */
export function replaceToken(
  text: string,
  token: SlashToken,
  insert: string,
): { text: string; caret: number } {
  return {
    text: `${text.slice(0, token.start)}${insert}${text.slice(token.end)}`,
    caret: token.start + insert.length,
  };
}
