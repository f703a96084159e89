import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxIceServers, seatServerSoftphone, softphoneSettingsSchema } from '@contract/ipc/settings';
import type { SoftphoneSettings } from '@contract/ipc/settings';
import { errorMessage } from '../i18n/error-message';

/** Props of the phone line form. */
export interface PhoneLineSettingsProps {
  softphone: SoftphoneSettings;
  /**
   * False in the web seat: its server's CSP lets the page reach only that server, so the SIP
   * server field is not offered there (the desktop app builds its CSP from the settings).
   */
  canChooseServer: boolean;
  onSave: (softphone: SoftphoneSettings) => Promise<void>;
}

interface IceDraft {
  urls: string;
  username: string;
  credential: string;
}

interface Draft {
  sipServerUrl: string;
  sipDomain: string;
  sipUsername: string;
  iceServers: IceDraft[];
}

/** Which message a field shows: the i18n key under cti.line.invalid. */
type Problems = Record<string, string>;

const toDraft = (s: SoftphoneSettings): Draft => ({
  sipServerUrl: s.sipServerUrl ?? '',
  sipDomain: s.sipDomain ?? '',
  sipUsername: s.sipUsername ?? '',
  iceServers: s.iceServers.map((server) => ({
    urls: server.urls,
    username: server.username ?? '',
    credential: server.credential ?? '',
  })),
});

// An empty field means "follow the Seat server"; an empty TURN credential is left out, so the
// schema's own rule (TURN needs both, STUN takes neither) decides, not a blank string.
const fromDraft = (draft: Draft): unknown => ({
  sipServerUrl: draft.sipServerUrl.trim() || null,
  sipDomain: draft.sipDomain.trim() || null,
  sipUsername: draft.sipUsername.trim() || null,
  iceServers: draft.iceServers.map(({ urls, username, credential }) => ({
    urls: urls.trim(),
    ...(username.trim() ? { username: username.trim() } : {}),
    ...(credential ? { credential } : {}),
  })),
});

/** Validates the draft with the settings' own schema and names each field's problem. */
export function checkPhoneLine(draft: Draft): { settings: SoftphoneSettings } | { problems: Problems } {
  const parsed = softphoneSettingsSchema.safeParse(fromDraft(draft));
  if (parsed.success) return { settings: parsed.data };
  const problems: Problems = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.');
    if (problems[field]) continue;
    const [top, , part] = issue.path;
    if (top !== 'iceServers') problems[field] = String(top);
    else if (part === undefined) problems[field] = 'tooManyIceServers';
    else if (part === 'urls') problems[field] = 'iceUrl';
    // The schema's custom rule is the TURN/STUN credential rule; anything else is a length limit.
    else if (issue.code === 'custom')
      problems[field] = /^turns?:/i.test(draft.iceServers[Number(issue.path[1])]?.urls.trim() ?? '')
        ? 'turnNeedsCredentials'
        : 'stunTakesNoCredentials';
    else problems[field] = 'tooLong';
  }
  return { problems };
}

/**
 * Where and as whom the softphone registers: SIP server, domain, username, and STUN/TURN servers.
 * Empty fields follow the Seat server. Checked before saving, with each problem beside its field.
 */
export function PhoneLineSettings({ softphone, canChooseServer, onSave }: PhoneLineSettingsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(softphone));
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  const edit = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setSaved(false);
  };
  const editIce = (index: number, change: Partial<IceDraft>) =>
    edit({ iceServers: draft.iceServers.map((s, i) => (i === index ? { ...s, ...change } : s)) });

  const save = (settings: SoftphoneSettings) => {
    setPending(true);
    setFailure(null);
    onSave(settings).then(
      () => {
        setPending(false);
        setSaved(true);
      },
      (error: unknown) => {
        setPending(false);
        setFailure(error);
      },
    );
  };

  const problem = (field: string) =>
    problems[field] ? (
      <p
        id={`${id}-${field}-error`}
        className="cti-line__error"
        role="alert"
        data-testid={`cti-line-error-${field}`}
      >
        {t(`cti.line.invalid.${problems[field]}`, { max: maxIceServers })}
      </p>
    ) : null;
  const invalidProps = (field: string) => ({
    'aria-invalid': Boolean(problems[field]),
    'aria-describedby': problems[field] ? `${id}-${field}-error` : undefined,
  });

  const text = (field: 'sipServerUrl' | 'sipDomain' | 'sipUsername', placeholder: string) => (
    <div className="cti-line__row">
      <label htmlFor={`${id}-${field}`}>{t(`cti.line.${field}`)}</label>
      <input
        id={`${id}-${field}`}
        data-testid={`cti-line-${field}`}
        value={draft[field]}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        {...invalidProps(field)}
        onChange={(e) => edit({ [field]: e.target.value })}
      />
      {problem(field)}
    </div>
  );

  return (
    <form
      className="cti-line"
      data-testid="cti-line"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkPhoneLine(draft);
        if ('problems' in checked) {
          setProblems(checked.problems);
          return setSaved(false);
        }
        setProblems({});
        save(checked.settings);
      }}
    >
      <fieldset>
        <legend>{t('cti.line.title')}</legend>
        {canChooseServer ? (
          text('sipServerUrl', t('cti.line.seatServer'))
        ) : (
          <p className="cti-line__hint">{t('cti.line.webSeat')}</p>
        )}
        {text('sipDomain', t('cti.line.seatTenant'))}
        {text('sipUsername', t('cti.line.seatUsername'))}
        {draft.sipUsername.trim() ? <p className="cti-line__hint">{t('cti.line.passwordAsked')}</p> : null}
        <fieldset className="cti-line__ice">
          <legend>{t('cti.line.iceServers')}</legend>
          {draft.iceServers.length === 0 ? (
            <p className="cti-line__hint">{t('cti.line.noIceServers')}</p>
          ) : null}
          {draft.iceServers.map((server, index) => (
            <div key={index} className="cti-line__row" data-testid="cti-line-ice">
              <label htmlFor={`${id}-ice-${index}`}>{t('cti.line.iceUrl')}</label>
              <input
                id={`${id}-ice-${index}`}
                data-testid="cti-line-ice-url"
                value={server.urls}
                placeholder="stun:stun.example.com:3478"
                spellCheck={false}
                autoComplete="off"
                {...invalidProps(`iceServers.${index}.urls`)}
                onChange={(e) => editIce(index, { urls: e.target.value })}
              />
              <label htmlFor={`${id}-ice-${index}-user`}>{t('cti.line.iceUsername')}</label>
              <input
                id={`${id}-ice-${index}-user`}
                data-testid="cti-line-ice-username"
                value={server.username}
                autoComplete="off"
                {...invalidProps(`iceServers.${index}.username`)}
                onChange={(e) => editIce(index, { username: e.target.value })}
              />
              <label htmlFor={`${id}-ice-${index}-credential`}>{t('cti.line.iceCredential')}</label>
              <input
                id={`${id}-ice-${index}-credential`}
                data-testid="cti-line-ice-credential"
                type="password"
                value={server.credential}
                autoComplete="off"
                {...invalidProps(`iceServers.${index}.credential`)}
                onChange={(e) => editIce(index, { credential: e.target.value })}
              />
              <button
                type="button"
                className="button button--quiet"
                onClick={() => edit({ iceServers: draft.iceServers.filter((_, i) => i !== index) })}
              >
                {t('cti.line.removeIceServer')}
              </button>
              {problem(`iceServers.${index}.urls`)}
              {problem(`iceServers.${index}.username`)}
              {problem(`iceServers.${index}.credential`)}
            </div>
          ))}
          {draft.iceServers.length < maxIceServers ? (
            <button
              type="button"
              className="button button--quiet"
              data-testid="cti-line-add-ice"
              onClick={() =>
                edit({ iceServers: [...draft.iceServers, { urls: '', username: '', credential: '' }] })
              }
            >
              {t('cti.line.addIceServer')}
            </button>
          ) : null}
          {problem('iceServers')}
        </fieldset>
        <div className="cti-line__actions">
          <button type="submit" className="button" data-testid="cti-line-save" disabled={pending}>
            {t('cti.line.save')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            data-testid="cti-line-reset"
            disabled={pending}
            onClick={() => {
              setDraft(toDraft(seatServerSoftphone));
              setProblems({});
              save(seatServerSoftphone);
            }}
          >
            {t('cti.line.useSeatServer')}
          </button>
          {saved ? (
            <span role="status" data-testid="cti-line-saved">
              {t('cti.line.saved')}
            </span>
          ) : null}
        </div>
        {failure ? (
          <p className="cti-line__error" role="alert" data-testid="cti-line-failure">
            {errorMessage(t, failure)}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
