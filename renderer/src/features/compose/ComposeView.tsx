import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useNav } from '../../app/nav-store';
import { useProblemText } from '../../i18n/use-problem-text';
import { countryName, countryNameAtStart, rememberCountryName } from '../../lib/format';
import { PlainTextField } from '../../ui/PlainTextField';
import { newFocusHandoff, takeFocus } from '../../ui/stand-in';
import { ViewHeader } from '../../ui/ViewHeader';
import { useAccounts } from '../accounts/store';
import { useSettings } from '../settings/store';
import { AccountStandIn } from './first-frame/AccountStandIn';
import { RecipientsStandIn } from './first-frame/RecipientsStandIn';
import { useAriaParts } from './first-frame/use-aria-parts';
import { MessageCounter } from './live/MessageCounter';
import { MessageField } from './live/MessageField';
import { SendButton, SettledCostLine, sendingTo } from './live/SettledParts';
import { SettledCountProvider } from './live/settled-count';
import { mergeTargets, messageCount } from './message-count';
import { chipStatuses } from './recipient-text';
import { type ComposeField, type Recipient, useCompose } from './store';
import { messageText } from './text-store';

/** More recipients than this and the send asks first, naming how many and the cost. */
const CONFIRM_ABOVE = 5;

/** How long a deleted draft can be brought back. */
const UNDO_MS = 10_000;

/**
 * Everything Compose shows but the text, which is in a store of its own
 * (text-store.ts): a keystroke does not run this or render the view again.
 */
function everything(s: ReturnType<typeof useCompose.getState>) {
  return s;
}

export function ComposeView() {
  const { t, i18n } = useTranslation('compose');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const draft = useCompose(useShallow(everything));
  const accounts = useAccounts((s) => s.accounts);
  const preferences = useSettings((s) => s.preferences);
  const go = useNav((s) => s.go);
  const problemText = useProblemText();
  const toRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [confirming, setConfirming] = useState(false);
  const parts = useAriaParts();
  const early = useStandIns(parts !== null, toRef);

  const { accountId, set, audience, setDefaultCountry, loadPricing, loadGroups, loadDrafts } =
    draft;
  // The first account until one is chosen (or when the chosen one is gone), shown from the
  // first frame: choosing it in an effect would draw the start view a second time before it is ready.
  const shownAccountId =
    accountId !== null && accounts.some((a) => a.id === accountId)
      ? accountId
      : (accounts[0]?.id ?? accountId);
  useEffect(() => {
    if (shownAccountId !== accountId) set({ accountId: shownAccountId });
  }, [shownAccountId, accountId, set]);
  useEffect(() => setDefaultCountry(preferences.defaultCountry), [preferences, setDefaultCountry]);
  useEffect(() => {
    if (parts) rememberCountryName(preferences.defaultCountry, language);
  }, [parts, preferences.defaultCountry, language]);
  useEffect(() => {
    if (accountId === null) return;
    void loadPricing(accountId);
    void loadGroups(accountId);
  }, [accountId, loadPricing, loadGroups]);
  useEffect(() => {
    void loadDrafts();
  }, [loadDrafts]);
  // Ctrl/Cmd+N (or "Message" on a contact) asks for the first field.
  useEffect(() => {
    if (draft.focusRequest > 0) toRef.current?.focus();
  }, [draft.focusRequest]);
  const { removedDraft, forgetRemovedDraft } = draft;
  useEffect(() => {
    if (!removedDraft) return;
    const timer = setTimeout(forgetRemovedDraft, UNDO_MS);
    return () => clearTimeout(timer);
  }, [removedDraft, forgetRemovedDraft]);

  // The text is read only by the message field, the counter and the settled parts (settled-count.tsx).
  const byKey = useMemo(
    () => new Map<string, Recipient>(audience?.recipients.map((r) => [r.key, r]) ?? []),
    [audience],
  );
  const pricing = shownAccountId === null ? undefined : draft.pricing[shownAccountId];

  const { addChips, addNumbers, removeChip, searchRecipients, removeNumbers } = draft;
  const statuses = useMemo(() => chipStatuses(draft.chips, audience), [draft.chips, audience]);
  const removeInvalid = useCallback(
    () => removeNumbers((key) => byKey.get(key)?.problem != null),
    [removeNumbers, byKey],
  );
  const removeDuplicates = useCallback(() => {
    const duplicate = new Set(
      statuses.flatMap((s, i) => (s.duplicate ? [i] : [])).map((i) => draft.chips[i]),
    );
    set({ chips: draft.chips.filter((c) => !duplicate.has(c)) });
  }, [statuses, draft.chips, set]);

  const insertToken = useCallback(
    (token: string) => {
      const area = textRef.current;
      const text = messageText();
      const start = area?.selectionStart ?? text.length;
      const end = area?.selectionEnd ?? text.length;
      set({ text: text.slice(0, start) + token + text.slice(end) });
      requestAnimationFrame(() => {
        area?.focus();
        area?.setSelectionRange(start + token.length, start + token.length);
      });
    },
    [set],
  );

  // Stable props, so the memoised fields beside the message skip a keystroke's render.
  const accountOptions = useMemo(
    () =>
      accounts.map((a) => ({
        id: a.id,
        label: a.paused
          ? t('accountPaused', { name: a.name })
          : a.sandbox
            ? t('accountSandbox', { name: a.name })
            : a.name,
      })),
    [accounts, t],
  );
  const setAccount = useCallback((accountId: number) => set({ accountId }), [set]);
  const setFrom = useCallback((from: string) => set({ from }), [set]);
  const { deleteDraft: removeDraft } = draft;
  const deleteDraft = useCallback((d: { id: number }) => void removeDraft(d.id), [removeDraft]);

  const send = () => void draft.send({ sender: preferences.defaultSender });
  const askOrSend = () => {
    // Counted as the text is now (the settled parts may trail the last keystroke).
    const s = useCompose.getState();
    const count = messageCount(messageText(), mergeTargets(s.audience?.recipients), s.encoding);
    if (sendingTo(count.merged, s.audience) > CONFIRM_ABOVE) setConfirming(true);
    else send();
  };
  const errorOf = (field: ComposeField) =>
    draft.fieldError?.field === field ? problemText(draft.fieldError.problem) : null;
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      // A number still in the recipients field counts: it becomes a chip first.
      if (toRef.current && toRef.current.value.trim() !== '') {
        addNumbers(toRef.current.value);
        toRef.current.value = '';
      }
      askOrSend();
    }
  };
  const recipientsError = errorOf('to') ?? draft.audienceError;
  const recipientsDescription = t('toDescription', {
    country: (parts ? countryName : countryNameAtStart)(preferences.defaultCountry, language),
  });
  const account = accounts.find((a) => a.id === shownAccountId);
  const schedulesAtProvider = pricing && pricing !== 'loading' ? pricing.schedulesAtProvider : true;

  return (
    <SettledCountProvider>
      <div className="compose-layout">
        <form
          className="view compose"
          aria-labelledby="compose-title"
          onKeyDown={onKeyDown}
          onSubmit={(event) => {
            event.preventDefault();
            askOrSend();
          }}
        >
          <ViewHeader title={t('title')} id="compose-title" />
          <div className="card">
            <div className="grid-2">
              {parts ? (
                <parts.Select
                  label={t('account')}
                  value={shownAccountId}
                  onChange={setAccount}
                  options={accountOptions}
                  defaultOpen={early.accountOpen}
                  className="account-select"
                />
              ) : (
                <AccountStandIn
                  label={t('account')}
                  value={accountOptions.find((o) => o.id === shownAccountId)?.label ?? ''}
                  handoff={early.accountFocus}
                  onOpen={early.openAccount}
                />
              )}
              <PlainTextField
                label={t('from')}
                value={draft.from ?? preferences.defaultSender}
                onChange={setFrom}
                placeholder={t('fromPlaceholder')}
                error={errorOf('from')}
              />
            </div>
            {parts ? (
              <parts.RecipientsField
                chips={draft.chips}
                audience={audience}
                suggestions={draft.suggestions}
                language={language}
                error={recipientsError}
                description={recipientsDescription}
                inputRef={toRef}
                initialInput={early.to}
                onSearch={searchRecipients}
                onAdd={addChips}
                onAddNumbers={addNumbers}
                onRemove={removeChip}
              />
            ) : (
              <RecipientsStandIn
                chips={draft.chips}
                statuses={statuses}
                language={language}
                error={recipientsError}
                description={recipientsDescription}
                input={early.to}
                onInput={early.setTo}
                inputRef={toRef}
                handoff={early.toFocus}
                onSearch={searchRecipients}
                onAddNumbers={addNumbers}
              />
            )}
            {parts && audience && draft.chips.length > 0 ? (
              <parts.SettledAudienceSummary
                audience={audience}
                language={language}
                onRemoveInvalid={removeInvalid}
                onRemoveDuplicates={removeDuplicates}
              />
            ) : null}
            {parts ? (
              <parts.MergeTools
                fields={audience?.fields ?? STANDARD_FIELDS}
                onInsert={insertToken}
              />
            ) : (
              <div className="merge-tools first-frame-merge-tools" />
            )}
            <MessageField
              label={t('message')}
              placeholder={t('messagePlaceholder')}
              error={errorOf('text')}
              inputRef={textRef}
            />
            <MessageCounter language={language} />
            {parts ? (
              <>
                <parts.SettledMergePreview
                  recipients={byKey}
                  choice={draft.preview}
                  language={language}
                  onChoose={draft.setPreview}
                />
                <parts.SettledHints
                  canUndo={draft.beforeReplace !== null}
                  onReplace={draft.replaceText}
                  onUndo={draft.undoReplace}
                  onUseGsmPt={() => draft.set({ encoding: 'gsm-pt' })}
                />
              </>
            ) : null}
            {draft.chips.length > 0 ? (
              <SettledCostLine pricing={pricing} language={language} />
            ) : null}
            {parts ? (
              <parts.SendOptions
                encoding={draft.encoding}
                marketing={draft.marketing}
                at={draft.at}
                validFor={draft.validFor}
                atError={errorOf('at')}
                schedulesAtProvider={schedulesAtProvider}
                language={language}
                set={set}
              />
            ) : (
              <SendOptionsPlaceholder />
            )}
            {errorOf('validity') ? (
              <p className="error" role="alert">
                {errorOf('validity')}
              </p>
            ) : null}
            <div className="actions">
              <SendButton sending={draft.sending} language={language} />
            </div>
            {parts && draft.sent ? (
              <parts.SentNotice sent={draft.sent} language={language} onShow={() => go('outbox')} />
            ) : null}
          </div>
        </form>
        <div className="compose-side">
          {parts && removedDraft ? (
            <p className="hint" role="status" data-testid="draft-removed">
              {t('drafts.removed', { name: removedDraft.name || t('drafts.untitled') })}{' '}
              <parts.Button variant="link" onPress={() => void draft.restoreDraft(removedDraft)}>
                {t('drafts.undo')}
              </parts.Button>
            </p>
          ) : null}
          {parts ? (
            <parts.DraftsList
              drafts={draft.drafts}
              currentId={draft.draftId}
              language={language}
              onOpen={draft.openDraft}
              onDelete={deleteDraft}
              onNew={draft.startNew}
            />
          ) : (
            <DraftsPlaceholder />
          )}
        </div>
        {parts ? (
          <parts.SendConfirm
            isOpen={confirming}
            accountName={account?.name ?? ''}
            pricing={pricing}
            language={language}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              send();
            }}
          />
        ) : null}
      </div>
    </SettledCountProvider>
  );
}

const STANDARD_FIELDS = ['first_name', 'last_name', 'phone', 'email'];

/** The send options' four fields' places in the first frame, in as many columns as the fields take. */
function SendOptionsPlaceholder() {
  return (
    <div className="grid-2">
      {['encoding', 'kind', 'at', 'validity'].map((field) => (
        <div key={field} className="first-frame-field" />
      ))}
    </div>
  );
}

/** The drafts panel's first frame: its heading; the list and its buttons follow (first-frame/use-aria-parts.ts). */
function DraftsPlaceholder() {
  const { t } = useTranslation('compose');
  return (
    <aside className="card drafts" aria-labelledby="drafts-title">
      <div className="card-header">
        <h2 id="drafts-title">{t('drafts.title')}</h2>
      </div>
    </aside>
  );
}

/**
 * What the first frame's stand-ins (first-frame/) hand to the React Aria
 * controls that replace them: the text typed into "To", whether the account
 * picker was pressed, and where the focus and caret were. State, not refs,
 * where it is typed or pressed, so a swap React is rendering starts again
 * with it.
 */
function useStandIns(arrived: boolean, toRef: React.RefObject<HTMLInputElement | null>) {
  const [to, setTo] = useState('');
  const [accountOpen, setAccountOpen] = useState(false);
  const [toFocus] = useState(newFocusHandoff);
  const [accountFocus] = useState(newFocusHandoff);
  const openAccount = useCallback(() => setAccountOpen(true), []);
  useLayoutEffect(() => {
    if (!arrived) return;
    takeFocus(toRef.current, toFocus);
    const button = document.querySelector<HTMLElement>('form.compose .account-select button');
    if (!accountOpen) takeFocus(button, accountFocus);
  }, [arrived, toRef, toFocus, accountFocus, accountOpen]);
  return { to, setTo, accountOpen, openAccount, toFocus, accountFocus };
}
