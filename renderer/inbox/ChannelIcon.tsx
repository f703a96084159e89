import { useTranslation } from 'react-i18next';
import type { Channel } from '@contract/agent';

const glyphs: Record<Channel, string> = {
  voice: '☎',
  im: '💬',
  sms: '✉',
  email: '@',
  fax: '📠',
  social: '#',
};

/** A channel's icon with its name for screen readers (and as a tooltip for the sighted). */
export function ChannelIcon({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const name = t(`inbox.channel.${channel}`);
  return (
    <span className="inbox-channel" data-channel={channel}>
      <span className="inbox-channel__glyph" role="img" aria-label={name} title={name}>
        {glyphs[channel]}
      </span>
      <span className="inbox-channel__name" aria-hidden="true">
        {name}
      </span>
    </span>
  );
}
