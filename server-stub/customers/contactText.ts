// Short texts for the history list: what the customer said first, cut to fit a row.

const summaryChars = 200;
const previewLines = 4;
const previewChars = 500;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The first non-blank line, at most a row long; null when there is none. */
export function firstLine(text: string | null | undefined): string | null {
  const line = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  return line ? cut(line, summaryChars) : null;
}

/** The first few non-blank lines (quoted replies left out); null when there is none. */
export function firstLines(text: string | null | undefined): string | null {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !l.startsWith('>'))
    .slice(0, previewLines);
  return lines.length > 0 ? cut(lines.join('\n'), previewChars) : null;
}
