import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../../shared/ipc/schemas/accounts';
import { translatePauseReason } from '../../../i18n/core-sentences';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';

/** One banner per paused account: why, what to do, and "Retry now" (or "Resume" for a person's pause). */
export function PausedBanners(props: {
  accounts: readonly AccountSummary[];
  onResume: (accountId: number) => Promise<boolean>;
}) {
  const { t } = useTranslation('outbox');
  const [busy, setBusy] = useState<number | null>(null);
  const [stillPaused, setStillPaused] = useState<Record<number, boolean>>({});
  if (props.accounts.length === 0) return null;
  return (
    <div className="banners">
      {props.accounts.map((a) => {
        const paused = a.paused;
        if (!paused) return null;
        const manual = paused.code === 'manual';
        return (
          <Banner
            key={a.id}
            tone="warning"
            testId="paused-banner"
            title={
              <Trans
                t={t}
                i18nKey={manual ? 'paused.titleManual' : 'paused.title'}
                values={{ name: a.name, code: paused.code }}
                components={{ bdi: <bdi /> }}
              />
            }
            action={
              <Button
                isDisabled={busy === a.id}
                onPress={async () => {
                  setBusy(a.id);
                  const resumed = await props.onResume(a.id).catch(() => false);
                  setStillPaused((s) => ({ ...s, [a.id]: !resumed }));
                  setBusy(null);
                }}
              >
                {busy === a.id
                  ? t('paused.checking')
                  : manual
                    ? t('paused.resume')
                    : t('paused.retry')}
              </Button>
            }
          >
            {translatePauseReason(t, paused.code, paused.reason)}
            {stillPaused[a.id] ? <span className="muted"> {t('paused.stillRefuses')}</span> : null}
          </Banner>
        );
      })}
    </div>
  );
}
