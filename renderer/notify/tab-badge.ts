// The web seat's badge: "(3) Seat" in the tab title and a red count drawn over the favicon, so an
// agent working in another window sees from the tab strip or taskbar that work is waiting.

/** Marks the tab with a count; 0 restores the plain title and icon. */
export interface TabBadge {
  set(count: number): void;
}

const prefix = /^\(\d+\+?\)\s/;

/** The title with the count in front, or without any count for 0. */
export function badgedTitle(title: string, count: number): string {
  const plain = title.replace(prefix, '');
  if (count <= 0) return plain;
  return `(${count > 99 ? '99+' : count}) ${plain}`;
}

/** A 32×32 PNG data URL of a red disc with the count, or null where the page cannot draw. */
export function badgeIcon(doc: Document, count: number): string | null {
  const canvas = doc.createElement('canvas');
  canvas.width = 32;
  canvas.height = 32;
  const g = canvas.getContext('2d');
  if (!g) return null;
  g.fillStyle = '#c62828';
  g.beginPath();
  g.arc(16, 16, 15, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#ffffff';
  g.font = `bold ${count > 9 ? 16 : 20}px sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(count > 99 ? '99+' : String(count), 16, 17);
  try {
    return canvas.toDataURL('image/png');
  } catch (error) {
    console.warn('[notify] the favicon badge could not be drawn', error);
    return null;
  }
}

/** The badge of `doc`'s tab: its title and its favicon link. */
export function createTabBadge(doc: Document): TabBadge {
  let original: { link: HTMLLinkElement; href: string | null; added: boolean } | null = null;
  return {
    set(count) {
      doc.title = badgedTitle(doc.title, count);
      if (count <= 0) {
        if (original) {
          if (original.added) original.link.remove();
          else if (original.href === null) original.link.removeAttribute('href');
          else original.link.setAttribute('href', original.href);
          original = null;
        }
        return;
      }
      const icon = badgeIcon(doc, count);
      if (!icon) return;
      if (!original) {
        const existing = doc.querySelector<HTMLLinkElement>('link[rel~="icon"]');
        const link = existing ?? doc.createElement('link');
        if (!existing) {
          link.rel = 'icon';
          doc.head.append(link);
        }
        original = { link, href: existing ? existing.getAttribute('href') : null, added: !existing };
      }
      original.link.setAttribute('href', icon);
    },
  };
}
