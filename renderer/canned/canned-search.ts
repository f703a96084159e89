import type { CannedResponse } from '@contract/http/canned';

// Finding a canned response from what the agent typed after "/": an exact shortcut first, then
// shortcuts starting with it, then titles, then bodies; texts in the agent's language before others.

/** Matches of `query` among `responses`, best first, at most `limit`. */
export function searchCanned(
  responses: readonly CannedResponse[],
  query: string,
  options: { language: string; limit: number },
): CannedResponse[] {
  const q = query.trim().toLowerCase();
  const rank = (r: CannedResponse): number | null => {
    if (q === '') return 4;
    const shortcut = r.shortcut?.toLowerCase() ?? '';
    if (shortcut === q) return 0;
    if (shortcut.startsWith(q)) return 1;
    if (r.title.toLowerCase().includes(q)) return 2;
    if (r.body.toLowerCase().includes(q)) return 3;
    return null;
  };
  const lang = options.language.toLowerCase();
  const languageRank = (r: CannedResponse) => {
    if (r.language === null) return 1;
    const own = r.language.toLowerCase();
    return own === lang || lang.startsWith(`${own}-`) || own.startsWith(`${lang}-`) ? 0 : 2;
  };
  return responses
    .flatMap((r, index) => {
      const score = rank(r);
      return score === null ? [] : [{ r, score, language: languageRank(r), index }];
    })
    .sort((a, b) => a.score - b.score || a.language - b.language || a.index - b.index)
    .slice(0, options.limit)
    .map((m) => m.r);
}
