// What a `182 Queued` response tells the caller. The edge sends the figures twice: as headers
// (X-Seat-Queue-Position, X-Seat-Estimated-Wait) for software, and in the reason phrase
// ("Queued, position 3, about 40 s") for any phone that only shows text. Headers win; the phrase is
// the fallback when a proxy in between dropped unknown headers.

/** Place in the queue and estimated wait, each null when not announced. */
export interface QueueStatus {
  position: number | null;
  estimatedWaitSeconds: number | null;
}

const wholeNumber = (text: string | null | undefined): number | null => {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  return Number(trimmed);
};

/** Reads a 182 response (status, reason phrase and a header getter, as JsSIP's IncomingResponse has). */
export function queueStatusOf(response: {
  status_code: number;
  reason_phrase: string;
  getHeader(name: string): string | undefined;
}): QueueStatus | null {
  if (response.status_code !== 182) return null;
  const phrase = /position\s+(\d{1,6})(?:.*?about\s+(\d{1,6})\s*s)?/i.exec(response.reason_phrase ?? '');
  return {
    position: wholeNumber(response.getHeader('X-Seat-Queue-Position')) ?? wholeNumber(phrase?.[1]),
    estimatedWaitSeconds:
      wholeNumber(response.getHeader('X-Seat-Estimated-Wait')) ?? wholeNumber(phrase?.[2]),
  };
}

/** "about 2 min" / "about 40 s" / "under a minute" for the customer. */
export function waitText(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 60) return seconds < 15 ? 'under a minute' : `about ${Math.round(seconds / 5) * 5} s`;
  return `about ${Math.round(seconds / 60)} min`;
}
