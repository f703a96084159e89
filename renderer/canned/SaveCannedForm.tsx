import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '@contract/http/canned';
import { errorMessage } from '../i18n/error-message';
import type { CannedApi } from './canned-api';

/** Props: the text to keep and where to save it. */
export interface SaveCannedFormProps {
  body: string;
  api: Pick<CannedApi, 'createPersonal'>;
  onSaved: (response: CannedResponse) => void;
  onCancel: () => void;
}

/** Saves the composer's text as one of the agent's own canned responses, with a title and optional shortcut. */
export function SaveCannedForm({ body, api, onSaved, onCancel }: SaveCannedFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [shortcut, setShortcut] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    // The form sits inside the composer's form: its submit must not send the e-mail.
    event.preventDefault();
    event.stopPropagation();
    if (title.trim() === '') return setProblem(t('canned.save.needTitle'));
    setSaving(true);
    setProblem(null);
    try {
      const saved = await api.createPersonal({
        title: title.trim(),
        body,
        shortcut: shortcut.trim().replace(/^\//, '') || null,
      });
      onSaved(saved);
    } catch (error) {
      setProblem(t('canned.save.failed', { message: errorMessage(t, error) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="canned-save" role="group" aria-label={t('canned.save.title')} data-testid="canned-save">
      <label htmlFor={`${id}-title`}>{t('canned.save.name')}</label>
      <input id={`${id}-title`} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor={`${id}-shortcut`}>{t('canned.save.shortcut')}</label>
      <input
        id={`${id}-shortcut`}
        value={shortcut}
        maxLength={33}
        onChange={(e) => setShortcut(e.target.value)}
        placeholder="/greet"
      />
      <button type="button" onClick={(e) => void save(e)} disabled={saving}>
        {t('canned.save.submit')}
      </button>
      <button type="button" onClick={onCancel} disabled={saving}>
        {t('email.cancel')}
      </button>
      {problem ? <p role="alert">{problem}</p> : null}
    </div>
  );
}
