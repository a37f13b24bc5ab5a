import { describe, expect, it } from 'vitest';
import { nrs, sandboxForThisFile, sendSms } from './helpers';

// The simulator's answers to a fixed series of sends, byte for byte, against a file
// written by the code before the send path was made cheaper (round 6). Ids, outcome
// draws, merged texts, parts, prices, ledger entries and the delivery views that
// follow from them must all come out the same: a change that only saves time keeps
// this file as it is.
const t = sandboxForThisFile({
  seed: 11,
  credits: 5_000,
  delivery: { sentAfterMs: 1_000, finalAfterMs: 5_000, outcomes: { DELIVRD: 3, UNDELIV: 1 } },
});

/** The bench's batch shape: merge fields in `sub`, one campaign, a tag per request. */
function benchLike(first: number, size: number): Record<string, unknown> {
  const to = Array.from({ length: size }, (_, k) => `346${String(10_000_000 + first + k)}`);
  return {
    from: 'OUTPOST',
    message: 'Hola {name}, tu pedido {order} está listo.',
    encoding: 'utf-16',
    parts: 2,
    campaignName: 'Outpost',
    tags: [`bench-${first}`],
    to,
    sub: to.map((_, k) => ({ name: `Cliente ${first + k}`, order: 100_000 + first + k })),
  };
}

async function sendSeries(contactPhones: string[]): Promise<Record<string, unknown>[]> {
  const [a = '', b = '', c = ''] = contactPhones;
  const bodies: Record<string, unknown>[] = [
    benchLike(0, 12),
    benchLike(12, 12),
    {
      from: 'SHOP',
      message:
        'Hi {name|upper} {surname|capitalize}, {color} {city|capitalizeAll} {points|formatDotComma} {missing} {UNSUB_URL} {OTP_CODE} ñ€',
      encoding: 'gsm',
      parts: 3,
      to: [a, `+${b}`, c, '99000000000', '123', '34666666666', '+34666555444', '447700900123'],
      otpConfig: { length: 6, alpha: true },
    },
    {
      from: 'SHOP',
      message: 'Olá {name} – {shop|lower}: {url|shorten} ç',
      encoding: 'gsm-pt',
      trans: 1,
      parts: 1,
      campaignName: 'Loja',
      tags: ['pt', 'x'],
      to: [a, b, '351912345678', '35191234567'],
      sub: [
        { shop: 'LOJA', url: 'https://example.com/a' },
        { shop: 'Loja'.repeat(60), url: 'https://example.com/b' },
        { name: 'Zé', shop: 'Ç', url: 'x' },
        { name: 1234.5, shop: '', url: '' },
      ],
    },
    {
      from: '34600000000',
      message: 'Scheduled {name}',
      to: ['34666666666', '34611111111'],
      scheduleDate: '20260601120000',
      expirationDate: '20260602120000',
      campaignName: 'Outpost',
      tags: ['later'],
    },
    { from: 'SHOP', message: 'Again {name}', to: ['34666666666', '34666666666'] },
    { from: 'SHOP', message: 'Again {name}', to: ['34666666666'] },
    { from: 'SHOP', message: 'x'.repeat(200), parts: 1, to: ['34666666666'] },
  ];
  const out: Record<string, unknown>[] = [];
  for (const body of bodies) {
    const res = await sendSms(t.sb, body);
    out.push({ request: body, status: res.status, answer: res.text });
  }
  return out;
}

describe('POST /api/rest/sms answers', () => {
  it('are byte-identical to the recorded ones for a fixed series of sends', async () => {
    const contacts = await nrs(t.sb, 'GET', '/api/rest/contacts?limit=5');
    const phones = (contacts.json.data as { phone: string }[]).map((c) => c.phone).slice(2, 5);
    const sends = await sendSeries(phones);
    const ids = sends.flatMap((s) => {
      const answer = JSON.parse(s.answer as string);
      return (answer.result ?? [])
        .filter((r: { accepted: boolean }) => r.accepted)
        .map((r: { id: string }) => r.id);
    });
    t.clock.advance(2_000);
    const midway = await nrs(t.sb, 'GET', `/api/rest/sms/${ids.join(',')}`);
    t.clock.advance(30 * 86_400_000);
    const final = await nrs(t.sb, 'GET', `/api/rest/sms/${ids.join(',')}`);
    const campaigns = await nrs(t.sb, 'GET', '/api/rest/campaigns');
    const transcript = {
      phones,
      sends,
      midway: midway.text,
      final: final.text,
      campaigns: campaigns.text,
      ledger: t.sb.ledger(),
      balance: t.sb.balance(),
    };
    // Links carry the sandbox's port, which changes from run to run.
    const text = JSON.stringify(transcript, null, 1).replaceAll(`:${t.sb.port}/`, ':PORT/');
    await expect(`${text}\n`).toMatchFileSnapshot('./__snapshots__/send-answers.json');
  });
});
