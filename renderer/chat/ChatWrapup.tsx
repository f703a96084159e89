import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Disposition codes an agent ends a chat's wrap-up with. */
export const chatDispositions = ['resolved', 'callback', 'escalated', 'no_resolution'] as const;

/** Props of the wrap-up form. */
export interface ChatWrapupProps {
  busy: boolean;
  onWrapup: (disposition: string) => void;
}

/** After the chat: pick how it ended, which finishes the interaction. */
export function ChatWrapup({ busy, onWrapup }: ChatWrapupProps) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState<string>(chatDispositions[0]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onWrapup(code);
  };
  return (
    <form className="chat-wrapup" onSubmit={submit} data-testid="chat-pane-wrapup">
      <label htmlFor={id}>{t('chat.disposition')}</label>
      <select id={id} value={code} onChange={(e) => setCode(e.target.value)}>
        {chatDispositions.map((c) => (
          <option key={c} value={c}>
            {t(`chat.dispositionCode.${c}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        {t('chat.finish')}
      </button>
    </form>
  );
}
