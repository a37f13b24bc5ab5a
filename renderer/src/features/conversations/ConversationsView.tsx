import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../app/nav-store';
import { phoneForDisplay } from '../../lib/format';
import { isolate } from '../../lib/isolate';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ViewHeader } from '../../ui/ViewHeader';
import { useCompose } from '../compose/store';
import { ThreadList } from './components/ThreadList';
import { ThreadMessages } from './components/ThreadMessages';
import { useConversations } from './store';

export function ConversationsView() {
  const { t, i18n } = useTranslation('conversations');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const { threads, loaded, load, stopWatching } = useConversations();
  const selected = useNav((s) => s.recipient);
  const go = useNav((s) => s.go);
  const newMessage = useCompose((s) => s.newMessage);

  useEffect(() => {
    void load();
    return stopWatching;
  }, [load, stopWatching]);

  const current = threads.find((th) => th.recipient === selected) ?? threads[0] ?? null;

  return (
    <div className="view conversations">
      <ViewHeader title={t('title')}>
        {current ? (
          <Button
            onPress={() => {
              newMessage(phoneForDisplay(current.recipient));
              go('compose');
            }}
          >
            {t('reply')}
          </Button>
        ) : null}
      </ViewHeader>
      {loaded && threads.length === 0 ? (
        <EmptyState
          sentence={t('empty')}
          action={
            <Button
              variant="primary"
              onPress={() => {
                newMessage();
                go('compose');
              }}
            >
              {t('write')}
            </Button>
          }
        />
      ) : (
        <div className="split">
          <ThreadList
            threads={threads}
            selected={current?.recipient ?? null}
            onSelect={(recipient) => go('conversations', recipient)}
          />
          {current ? (
            <ThreadMessages
              label={t('thread', { number: isolate(phoneForDisplay(current.recipient)) })}
              messages={current.messages}
              language={language}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}
