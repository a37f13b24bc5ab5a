import { useEffect, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../app/nav-store';
import { translateCoreSentence } from '../../i18n/core-sentences';
import { useProblemText } from '../../i18n/use-problem-text';
import { phoneForDisplay } from '../../lib/format';
import { isolate } from '../../lib/isolate';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { SearchField } from '../../ui/SearchField';
import { ViewHeader } from '../../ui/ViewHeader';
import { useCompose } from '../compose/store';
import { useSettings } from '../settings/store';
import { SuppressionsView } from '../suppressions/SuppressionsView';
import { ReplyBox } from './components/ReplyBox';
import { ThreadList } from './components/ThreadList';
import { ThreadTimeline } from './components/ThreadTimeline';
import { threadFor, useConversations } from './store';

type TabId = 'inbox' | 'suppressions';

/** One inbox for SMS and WhatsApp, and beside it the numbers never written to. */
export function ConversationsView() {
  const { t, i18n } = useTranslation('conversations');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const s = useConversations();
  const { load, stopWatching, select } = s;
  const wanted = useNav((n) => n.recipient);
  const go = useNav((n) => n.go);
  const newMessage = useCompose((c) => c.newMessage);
  const defaultSender = useSettings((p) => p.preferences.defaultSender);
  const problemText = useProblemText();
  const [tab, setTab] = useState<TabId>('inbox');

  useEffect(() => {
    void load();
    return stopWatching;
  }, [load, stopWatching]);

  // Opened on a thread (quick search, the outbox): show it.
  useEffect(() => {
    if (wanted !== null) setTab('inbox');
  }, [wanted]);
  const target = threadFor(s.threads, wanted ?? s.selected);
  useEffect(() => {
    if (target !== null && target !== s.selected) void select(target);
  }, [target, s.selected, select]);

  const thread = s.thread;
  const who = thread ? (thread.meta.name ?? phoneForDisplay(thread.meta.number)) : '';

  return (
    <div className="view conversations">
      <ViewHeader title={t('title')}>
        <Button onPress={() => void s.checkNow()} isDisabled={s.checking}>
          {s.checking ? t('checking') : t('checkNow')}
        </Button>
      </ViewHeader>
      <Tabs selectedKey={tab} onSelectionChange={(key) => setTab(key as TabId)} className="tabs">
        <TabList aria-label={t('tabs.label')} className="tab-list">
          <Tab id="inbox" className="tab">
            {t('tabs.inbox')}
          </Tab>
          <Tab id="suppressions" className="tab">
            {t('tabs.suppressions')}
          </Tab>
        </TabList>
        <TabPanel id="inbox" className="tab-panel">
          {s.loaded && s.threads.length === 0 && s.search.trim() === '' ? (
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
            <div className="split inbox">
              <div className="thread-column">
                <SearchField
                  label={t('search')}
                  placeholder={t('searchPlaceholder')}
                  clearLabel={t('clear')}
                  value={s.search}
                  onChange={s.setSearch}
                />
                <ThreadList
                  threads={s.threads}
                  selected={s.selected}
                  language={language}
                  onSelect={(key) => go('conversations', key)}
                />
              </div>
              {thread ? (
                <div className="thread-column" data-testid="open-thread" data-thread={thread.key}>
                  <header className="thread-header">
                    <h2>
                      <bdi>{who}</bdi>
                    </h2>
                    <span className="muted">
                      {thread.meta.name ? `${phoneForDisplay(thread.meta.number)} · ` : ''}
                      {t(`channel.${thread.meta.channel}`)}
                    </span>
                  </header>
                  <ThreadTimeline
                    label={t('thread', { who: isolate(who) })}
                    items={thread.items}
                    hasOlder={thread.next !== null}
                    loadingOlder={thread.loadingOlder}
                    language={language}
                    onLoadOlder={() => void s.loadOlder()}
                    onRetry={(item) => void s.retry(item)}
                    onDrop={(item) => void s.drop(item)}
                  />
                  <ReplyBox
                    meta={thread.meta}
                    who={who}
                    defaultSender={defaultSender}
                    templates={s.templates}
                    sending={s.sending}
                    problem={s.replyProblem ? problemText(s.replyProblem) : null}
                    sentCount={s.sentCount}
                    language={language}
                    onSms={(text, sender) => void s.replySms(text, sender)}
                    onWhatsApp={(text) => void s.replyWhatsApp(text)}
                    onTemplate={(id, fields) => void s.sendTemplate(id, fields)}
                    onSaveTemplates={async (list) => {
                      const problem = await s.saveTemplates(list);
                      return problem ? problemText(problem) : null;
                    }}
                    onResubscribe={() => void s.resubscribe()}
                    suppressionSentence={
                      thread.meta.suppressed
                        ? translateCoreSentence(t, thread.meta.suppressed.sentence)
                        : null
                    }
                  />
                </div>
              ) : null}
            </div>
          )}
        </TabPanel>
        <TabPanel id="suppressions" className="tab-panel">
          <SuppressionsView />
        </TabPanel>
      </Tabs>
    </div>
  );
}
