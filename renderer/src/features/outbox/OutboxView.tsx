import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { OutboxMessage } from '../../../../shared/ipc/schemas/outbox';
import { useNav } from '../../app/nav-store';
import { useProblemText } from '../../i18n/use-problem-text';
import { formatNumber, phoneForDisplay } from '../../lib/format';
import { isolate } from '../../lib/isolate';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { showToast } from '../../ui/toast-queue';
import { ViewHeader } from '../../ui/ViewHeader';
import { selectPausedAccounts, selectRunningAccounts, useAccounts } from '../accounts/store';
import { useCompose } from '../compose/store';
import { FilterChips } from './components/FilterChips';
import { OutboxTable } from './components/OutboxTable';
import { PausedBanners } from './components/PausedBanners';
import { useOutbox } from './store';

type Pending = { kind: 'retry' | 'cancel'; message: OutboxMessage } | null;

const COUNT_ORDER = [
  'queued',
  'sending',
  'accepted',
  'delivered',
  'failed',
  'unknown',
  'cancelled',
];

export function OutboxView() {
  const { t, i18n } = useTranslation('outbox');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const { filter, setFilter, messages, counts, load, stopWatching, retry, cancel } = useOutbox();
  const paused = useAccounts(useShallow(selectPausedAccounts));
  const running = useAccounts(useShallow(selectRunningAccounts));
  const pause = useAccounts((s) => s.pause);
  const resume = useAccounts((s) => s.resume);
  const go = useNav((s) => s.go);
  const newMessage = useCompose((s) => s.newMessage);
  const problemText = useProblemText();
  const [pending, setPending] = useState<Pending>(null);

  useEffect(() => {
    void load();
    return stopWatching;
  }, [load, stopWatching]);

  const countsLine = COUNT_ORDER.filter((s) => (counts?.[s] ?? 0) > 0)
    .map((s) =>
      t(`counts.${s}`, {
        count: counts?.[s] ?? 0,
        formatted: formatNumber(counts?.[s] ?? 0, language),
      }),
    )
    .join(' · ');

  const confirm = async () => {
    if (!pending) return;
    const { kind, message } = pending;
    setPending(null);
    const outcome = kind === 'retry' ? await retry(message.id) : await cancel(message.id);
    showToast(problemText(outcome), 'key' in outcome ? 'info' : 'error');
  };

  return (
    <div className="view">
      <ViewHeader title={t('title')}>
        <p className="counts-line" data-testid="outbox-counts">
          {countsLine || t('counts.none')}
        </p>
      </ViewHeader>
      <PausedBanners accounts={paused} onResume={resume} />
      {running.length > 0 ? (
        <div className="row-actions pause-buttons">
          {running.map((a) => (
            <Button key={a.id} onPress={() => void pause(a.id)}>
              {t('pauseOn', { name: isolate(a.name) })}
            </Button>
          ))}
        </div>
      ) : null}
      <FilterChips value={filter} onChange={setFilter} />
      {messages.length === 0 ? (
        <EmptyState
          sentence={filter === 'all' ? t('empty.all') : t('empty.filtered')}
          action={
            <Button
              variant="primary"
              onPress={() => {
                newMessage();
                go('compose');
              }}
            >
              {t('empty.write')}
            </Button>
          }
        />
      ) : (
        <OutboxTable
          messages={messages}
          language={language}
          onOpenRecipient={(recipient) => go('conversations', recipient)}
          onRetry={(message) => setPending({ kind: 'retry', message })}
          onCancel={(message) => setPending({ kind: 'cancel', message })}
        />
      )}
      <ConfirmDialog
        isOpen={pending !== null}
        title={pending?.kind === 'retry' ? t('confirm.retryTitle') : t('confirm.cancelTitle')}
        confirmLabel={pending?.kind === 'retry' ? t('confirm.retry') : t('confirm.cancel')}
        cancelLabel={t('confirm.keep')}
        destructive={pending?.kind === 'cancel'}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        {pending ? (
          <p>
            {t(pending.kind === 'retry' ? 'confirm.retryBody' : 'confirm.cancelBody', {
              id: pending.message.id,
              to: isolate(phoneForDisplay(pending.message.recipient)),
            })}
            {pending.kind === 'retry' && pending.message.state === 'unknown'
              ? ` ${t('confirm.maybeTwice')}`
              : ''}
          </p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
