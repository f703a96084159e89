import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailMessage } from '@contract/email';
import type { EmailPaneDeps } from './email-deps';
import { isOpenableLink } from './email-deps';
import { frameDocument } from './frame-document';
import { inlineImagePaths, withInlineUrls } from './inline-images';

/** Props of one message's body: the message and the pane's services. */
export interface MessageBodyProps {
  message: EmailMessage;
  deps: EmailPaneDeps;
}

/**
 * The body of one message. HTML is shown in an iframe with `sandbox="allow-same-origin"` and no
 * allow-scripts: even markup both sanitisers missed cannot run, submit, open windows or navigate
 * the seat, while the seat can still size the frame and catch link clicks to open them outside.
 * A shadow root would share the seat's document and origin, so one missed handler would run as us.
 */
export function MessageBody({ message, deps }: MessageBodyProps) {
  const { t, i18n } = useTranslation();
  const [allowRemote, setAllowRemote] = useState(false);
  const [inlineUrls, setInlineUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const frame = useRef<HTMLIFrameElement>(null);
  const { sanitizer } = deps;

  const sanitised = useMemo(
    () =>
      message.html !== null && sanitizer.supported
        ? sanitizer.sanitize(message.html, { allowRemoteImages: allowRemote })
        : null,
    [message.html, sanitizer, allowRemote],
  );
  const paths = useMemo(() => (sanitised ? inlineImagePaths(sanitised.html) : []), [sanitised]);
  const pathKey = paths.join('\n');

  useEffect(() => {
    if (pathKey === '') return;
    let live = true;
    const created: string[] = [];
    Promise.all(
      pathKey.split('\n').map(async (path) => {
        try {
          const url = deps.blobUrls.create(await deps.api.download(path));
          created.push(url);
          return [path, url] as const;
        } catch (error) {
          // The image stays an empty box with its alt text; the message itself is still readable.
          console.warn('[email] inline image could not be loaded', path, error);
          return null;
        }
      }),
    ).then((pairs) => {
      if (live) setInlineUrls(new Map(pairs.flatMap((p) => (p ? [p] : []))));
      else created.forEach((url) => deps.blobUrls.revoke(url));
    });
    return () => {
      live = false;
      created.forEach((url) => deps.blobUrls.revoke(url));
    };
  }, [pathKey, deps]);

  const srcDoc = useMemo(
    () =>
      sanitised
        ? frameDocument(withInlineUrls(sanitised.html, inlineUrls), {
            allowRemoteImages: allowRemote,
            lang: i18n.language,
          })
        : null,
    [sanitised, inlineUrls, allowRemote, i18n.language],
  );

  const onFrameLoad = () => {
    const doc = frame.current?.contentDocument;
    if (!doc) return;
    const fit = () => {
      if (frame.current) frame.current.style.height = `${doc.documentElement.scrollHeight + 2}px`;
    };
    fit();
    // Images change the height as they arrive.
    doc.addEventListener('load', fit, true);
    doc.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a');
      if (!link) return;
      event.preventDefault();
      const href = link.getAttribute('href') ?? '';
      if (isOpenableLink(href)) deps.openLink(href);
    });
  };

  const removed = message.htmlNotes.removedActiveContent || (sanitised?.removedActiveContent ?? false);
  const remoteCount = Math.max(sanitised?.remoteImages ?? 0, message.htmlNotes.blockedRemoteImages);

  return (
    <div className="email-body" data-testid="email-body">
      {removed ? (
        <p className="email-body__note" data-testid="email-removed-note">
          {t('email.removedActiveContent')}
        </p>
      ) : null}
      {srcDoc !== null && remoteCount > 0 && !allowRemote ? (
        <p className="email-body__note">
          {t('email.remoteImagesBlocked', { count: remoteCount })}{' '}
          <button type="button" onClick={() => setAllowRemote(true)} data-testid="email-show-remote">
            {t('email.showRemoteImages')}
          </button>
        </p>
      ) : null}
      {message.parseProblem ? (
        <p className="email-body__note" role="note">
          {t('email.parseProblem', { problem: message.parseProblem })}
        </p>
      ) : null}
      {srcDoc !== null ? (
        <iframe
          ref={frame}
          className="email-body__frame"
          title={t('email.bodyFrameTitle', { subject: message.subject })}
          sandbox="allow-same-origin"
          referrerPolicy="no-referrer"
          srcDoc={srcDoc}
          onLoad={onFrameLoad}
          data-testid="email-frame"
        />
      ) : (
        <pre className="email-body__text" data-testid="email-text">
          {message.text}
        </pre>
      )}
    </div>
  );
}
