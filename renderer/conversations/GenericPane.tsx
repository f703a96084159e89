import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message';
import { attachedEntries } from './attached-entries';
import type { ConversationPaneProps } from './pane-props';
import './GenericPane.css';

/** The pane for channels without their own: the interaction's details and attached data, and End while it is worked. */
export function GenericPane({ interaction, gone, user, socket, announce }: ConversationPaneProps) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);
  const entries = attachedEntries(interaction.attached);
  const mine = gone === null && interaction.agentId !== null && interaction.agentId === user.agentId;
  const canEnd = mine && (interaction.state === 'active' || interaction.state === 'held');

  const end = () => {
    setEnding(true);
    socket
      .request({ type: 'interaction.end', interactionId: interaction.id })
      .then(
        () => announce(t('conversations.ended')),
        (error: unknown) => announce(t('conversations.actionFailed', { message: errorMessage(t, error) })),
      )
      .finally(() => setEnding(false));
  };

  return (
    <div className="generic-pane" data-testid="generic-pane">
      <dl className="generic-pane__details">
        <dt>{t('conversations.field.channel')}</dt>
        <dd>{t(`inbox.channel.${interaction.channel}`)}</dd>
        <dt>{t('conversations.field.state')}</dt>
        <dd data-testid="generic-pane-state">{t(`inbox.state.${interaction.state}`)}</dd>
        <dt>{t('conversations.field.queue')}</dt>
        <dd>{interaction.queueId}</dd>
        <dt>{t('conversations.field.customer')}</dt>
        <dd>{interaction.customerId ?? t('conversations.anonymous')}</dd>
        <dt>{t('conversations.field.created')}</dt>
        <dd>
          <time dateTime={interaction.createdAt}>{new Date(interaction.createdAt).toLocaleString()}</time>
        </dd>
      </dl>
      <h3 className="generic-pane__heading">{t('conversations.attached')}</h3>
      {entries.length === 0 ? (
        <p>{t('conversations.noAttached')}</p>
      ) : (
        <dl className="generic-pane__attached" data-testid="generic-pane-attached">
          {entries.map((e) => (
            <div key={e.key} className="generic-pane__entry">
              <dt>{e.key}</dt>
              <dd>{e.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {canEnd ? (
        <button type="button" className="generic-pane__end" onClick={end} disabled={ending}>
          {t('conversations.end')}
        </button>
      ) : null}
    </div>
  );
}
