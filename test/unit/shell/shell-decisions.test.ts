import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../electron/main/app-menu';
import { notificationFor } from '../../../electron/main/notification-for';
import { secretStorageStatus } from '../../../electron/main/secret-storage';
import { shellLabels, shellLanguage } from '../../../electron/main/shell-labels';

const en = shellLabels('en');
const es = shellLabels('es');

describe('the shell language', () => {
  it('follows the saved choice, else a Spanish OS locale, else English', () => {
    expect(shellLanguage('es', 'en-US')).toBe('es');
    expect(shellLanguage(null, 'es-MX')).toBe('es');
    expect(shellLanguage(null, 'fr-FR')).toBe('en');
  });

  it('has the same menu entries in both languages, all translated', () => {
    const ids = (labels: typeof en) =>
      appMenuTemplate(labels, { navigate: () => {}, revealLogs: () => {} }, 'linux').flatMap((m) =>
        Array.isArray(m.submenu) ? m.submenu.map((s) => `${s.id}:${s.label}`) : [],
      );
    const english = ids(en);
    const spanish = ids(es);
    expect(english.map((s) => s.split(':')[0])).toEqual(spanish.map((s) => s.split(':')[0]));
    expect(spanish.filter((s) => english.includes(s) && !s.endsWith(':undefined'))).toEqual([]);
  });
});

describe('notifications', () => {
  it('a finished bulk job says its counts and opens the job', () => {
    const n = notificationFor(
      'job.finished',
      { jobId: 7, name: 'Promo', counts: { sent: 3, delivered: 90, failed: 2 } },
      en,
    );
    expect(n).toEqual({
      title: 'Bulk send "Promo" finished',
      body: '93 sent, 2 failed.',
      opens: { view: 'jobs', jobId: 7 },
    });
  });

  it('an account the provider paused says the reason and opens the outbox; a person’s pause says nothing', () => {
    const payload = { accountId: 2, code: 112, reason: 'No credit left.', byPerson: false };
    expect(notificationFor('account.paused', payload, es)).toMatchObject({
      title: 'Una cuenta ha dejado de enviar',
      body: 'No credit left.',
      opens: { view: 'outbox', accountId: 2 },
    });
    expect(notificationFor('account.paused', { ...payload, byPerson: true }, en)).toBeNull();
  });

  it('failed messages and a new inbound message open the outbox and the conversation', () => {
    expect(notificationFor('messages.failed', { accountId: 1, count: 4 }, en)).toMatchObject({
      title: '4 messages failed',
      opens: { view: 'outbox', accountId: 1 },
    });
    expect(
      notificationFor(
        'inbound.message',
        { accountId: 1, channel: 'sms', from: 'Ana', preview: 'Thanks!', conversationId: 'c9' },
        en,
      ),
    ).toEqual({
      title: 'New message from Ana',
      body: 'Thanks!',
      opens: { view: 'conversations', conversationId: 'c9' },
    });
  });

  it('other events raise none', () => {
    expect(notificationFor('accounts.changed', {}, en)).toBeNull();
  });
});

describe('the secret store status', () => {
  const store = (available: boolean, backend: string) => ({
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
  });
  it('calls basic_text on Linux not secure, with a sentence; a keyring secure', () => {
    expect(secretStorageStatus(store(true, 'basic_text'), 'linux')).toMatchObject({
      secure: false,
      sentence: expect.stringMatching(/will not save secrets/),
    });
    expect(secretStorageStatus(store(true, 'gnome_libsecret'), 'linux')).toEqual({
      backend: 'gnome_libsecret',
      secure: true,
      sentence: '',
    });
    expect(secretStorageStatus(store(true, 'x'), 'darwin').secure).toBe(true);
    expect(secretStorageStatus(store(false, 'x'), 'win32').secure).toBe(false);
  });
});
