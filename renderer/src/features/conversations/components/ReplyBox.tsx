import { useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { InboxMeta } from '../../../../../shared/ipc/schemas/inbox';
import { countSegments } from '../../../../../shared/sms';
import { formatDateTime } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { TextField } from '../../../ui/TextField';
import { SegmentMeter } from '../../compose/components/SegmentMeter';
import type { WhatsAppTemplateEntry } from '../store';
import { TemplatePicker } from './TemplatePicker';

/**
 * The reply under a thread: an SMS through the outbox (with the counter), a
 * WhatsApp message while the 24-hour session is open, else an approved
 * template. A suppressed number gets no composer, only the reason, and the
 * offer to re-subscribe when the person asked for it (never automatic).
 */
export function ReplyBox(props: {
  meta: InboxMeta;
  who: string;
  defaultSender: string;
  templates: readonly WhatsAppTemplateEntry[];
  sending: boolean;
  problem: string | null;
  sentCount: number;
  language: 'en' | 'es';
  onSms: (text: string, sender: string) => void;
  onWhatsApp: (text: string) => void;
  onTemplate: (templateId: number, fields: string[]) => void;
  onSaveTemplates: (templates: WhatsAppTemplateEntry[]) => Promise<string | null>;
  onResubscribe: () => void;
  suppressionSentence: string | null;
}) {
  const { t } = useTranslation('conversations');
  const { meta } = props;
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const count = useMemo(() => countSegments(text, { encoding: 'auto' }), [text]);
  // Sent: the text is done with. A refusal keeps it, so nothing typed is lost.
  useEffect(() => {
    if (props.sentCount > 0) setText('');
  }, [props.sentCount]);
  // Another thread: its own empty box.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the thread changes
  useEffect(() => setText(''), [meta.key]);

  if (meta.suppressed) {
    return (
      <div className="reply-box" data-testid="reply-box">
        <Banner tone="warning" title={t('suppressed.title')}>
          {props.suppressionSentence}
        </Banner>
        {meta.offerResubscribe ? (
          <div className="resubscribe">
            <p>
              <Trans
                t={t}
                i18nKey="suppressed.askedAgain"
                values={{ who: props.who }}
                components={{ b: <bdi /> }}
              />
            </p>
            <Button variant="primary" onPress={() => setConfirming(true)}>
              {t('suppressed.resubscribe')}
            </Button>
          </div>
        ) : (
          <p className="muted">{t('suppressed.hint')}</p>
        )}
        <ConfirmDialog
          isOpen={confirming}
          title={t('suppressed.confirmTitle')}
          confirmLabel={t('suppressed.confirm')}
          cancelLabel={t('suppressed.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            props.onResubscribe();
          }}
        >
          <p>
            <Trans
              t={t}
              i18nKey="suppressed.confirmBody"
              values={{ who: props.who }}
              components={{ b: <bdi /> }}
            />
          </p>
        </ConfirmDialog>
      </div>
    );
  }

  const error = props.problem ? (
    <p className="error" role="alert">
      {props.problem}
    </p>
  ) : null;

  if (meta.channel === 'whatsapp' && !meta.sessionActive) {
    return (
      <div className="reply-box" data-testid="reply-box">
        <p className="session-note" data-testid="session-closed">
          {t('session.closed')}
        </p>
        <TemplatePicker
          templates={props.templates}
          sending={props.sending}
          onSend={props.onTemplate}
          onSave={props.onSaveTemplates}
        />
        {error}
      </div>
    );
  }

  const submit = () => {
    if (text.trim() === '' || props.sending) return;
    if (meta.channel === 'sms') props.onSms(text, meta.sender ?? props.defaultSender);
    else props.onWhatsApp(text);
  };
  return (
    <form
      className="reply-box"
      data-testid="reply-box"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {meta.channel === 'whatsapp' && meta.sessionExpiresAt !== null ? (
        <p className="muted session-note">
          {t('session.open', { time: formatDateTime(meta.sessionExpiresAt, props.language) })}
        </p>
      ) : null}
      <TextField
        label={meta.channel === 'sms' ? t('reply.smsLabel') : t('reply.whatsAppLabel')}
        value={text}
        onChange={setText}
        multiline
        rows={3}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          }
        }}
      />
      {meta.channel === 'sms' ? <SegmentMeter count={count} language={props.language} /> : null}
      {error}
      <div className="reply-actions">
        <Button
          type="submit"
          variant="primary"
          isDisabled={
            props.sending || text.trim() === '' || (meta.channel === 'sms' && count.exceedsMaxParts)
          }
        >
          {props.sending ? t('reply.sending') : t('reply.send')}
        </Button>
        {meta.channel === 'sms' && meta.sender ? (
          <span className="muted">{t('reply.from', { sender: meta.sender })}</span>
        ) : null}
      </div>
    </form>
  );
}
