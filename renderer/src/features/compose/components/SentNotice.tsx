import { Trans, useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n/languages';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import type { ComposeState } from '../store';

/** "Message 12 is queued" after a send, with its schedule and who was left out. */
export function SentNotice(props: {
  sent: NonNullable<ComposeState['sent']>;
  language: Language;
  onShow: () => void;
}) {
  const { t } = useTranslation('compose');
  const { sent, language } = props;
  return (
    <div className="success" role="status" data-testid="sent-notice">
      <p>
        {sent.messageId !== null ? (
          <Trans
            t={t}
            i18nKey="sent"
            count={sent.segments}
            values={{ id: sent.messageId, to: sent.to }}
            components={{ bdi: <bdi /> }}
          />
        ) : (
          t('sentJob', {
            count: sent.queued,
            formatted: formatNumber(sent.queued, language),
            job: sent.jobId,
            segments: formatNumber(sent.segments, language),
          })
        )}{' '}
        <Button variant="link" onPress={props.onShow}>
          {t('showInOutbox')}
        </Button>
      </p>
      {sent.schedule ? (
        <p data-testid="sent-schedule">
          {sent.schedule.mode === 'provider'
            ? t('schedule.sentAtProvider', { when: formatDateTime(sent.schedule.at, language) })
            : t('schedule.sentHere', { when: formatDateTime(sent.schedule.at, language) })}
        </p>
      ) : null}
      {sent.leftOut.length > 0 ? (
        <p className="muted">{t('sentLeftOut', { count: sent.leftOut.length })}</p>
      ) : null}
      {sent.deferred.length > 0 ? (
        <p className="muted">{t('sentDeferred', { count: sent.deferred.length })}</p>
      ) : null}
    </div>
  );
}
