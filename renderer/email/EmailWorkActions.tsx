import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '@contract/routing';
import type { ConversationSocket } from '../conversations/pane-props';
import { errorMessage } from '../i18n/error-message';

/** Disposition codes an agent closes an e-mail's wrap-up with. */
export const emailDispositions = ['resolved', 'callback', 'escalated', 'no_resolution'] as const;

/** Props: the interaction (the agent's own), the socket, and what to do once it is finished. */
export interface EmailWorkActionsProps {
  interaction: Interaction;
  socket: ConversationSocket;
  announce: (message: string) => void;
  onFinished: () => void;
}

/** Ends the e-mail work (no more answers needed) and then finishes its wrap-up with a disposition. */
export function EmailWorkActions({ interaction, socket, announce, onFinished }: EmailWorkActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<string>(emailDispositions[0]);

  const run = (work: () => Promise<unknown>, done: string, after?: () => void) => {
    setBusy(true);
    work()
      .then(
        () => {
          announce(done);
          after?.();
        },
        (error: unknown) => announce(t('email.work.failed', { message: errorMessage(t, error) })),
      )
      .finally(() => setBusy(false));
  };

  if (interaction.state === 'active' || interaction.state === 'held')
    return (
      <button
        type="button"
        className="email-work__end"
        disabled={busy}
        onClick={() =>
          run(
            () => socket.request({ type: 'interaction.end', interactionId: interaction.id }),
            t('email.work.ended'),
          )
        }
        data-testid="email-end"
      >
        {t('email.work.end')}
      </button>
    );
  if (interaction.state !== 'wrapup') return null;
  return (
    <form
      className="email-work__wrapup"
      data-testid="email-wrapup"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () =>
            socket.request({ type: 'interaction.wrapup', interactionId: interaction.id, disposition: code }),
          t('email.work.finished'),
          onFinished,
        );
      }}
    >
      <label htmlFor={id}>{t('email.work.disposition')}</label>
      <select id={id} value={code} onChange={(e) => setCode(e.target.value)}>
        {emailDispositions.map((c) => (
          <option key={c} value={c}>
            {t(`email.work.code.${c}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        {t('email.work.finish')}
      </button>
    </form>
  );
}
