import { useTranslation } from 'react-i18next';
import type { Channel } from '@contract/agent';

// Drawn as SVG strokes rather than emoji: agents' machines (and Debian's Chromium) may have no
// emoji font, where a glyph like 💬 shows as an empty box.
const paths: Record<Channel, string> = {
  voice:
    'M5 2h2.5l1.2 3.2-1.6 1.1a8 8 0 0 0 3.6 3.6l1.1-1.6L15 9.5V12a1.5 1.5 0 0 1-1.6 1.5A12 12 0 0 1 2.5 3.6 1.5 1.5 0 0 1 4 2z',
  im: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z',
  sms: 'M4.5 1.5h7v13h-7zM6.5 12.5h3M6.5 4.5h3M6.5 6.5h3',
  email: 'M1.5 3.5h13v9h-13zM1.5 3.5l6.5 5 6.5-5',
  fax: 'M4.5 6V1.5h7V6M2.5 6h11v6h-2M4.5 12h-2V6M4.5 9.5h7v5h-7z',
  social: 'M6 2.5l-1 11M11 2.5l-1 11M2.5 6h11M2 10.5h11',
};

/** A channel's icon with its name for screen readers (and as a tooltip for the sighted). */
export function ChannelIcon({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const name = t(`inbox.channel.${channel}`);
  return (
    <span className="inbox-channel" data-channel={channel}>
      <svg
        className="inbox-channel__glyph"
        role="img"
        aria-label={name}
        viewBox="0 0 16 16"
        width="16"
        height="16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <title>{name}</title>
        <path d={paths[channel]} />
      </svg>
      <span className="inbox-channel__name" aria-hidden="true">
        {name}
      </span>
    </span>
  );
}
