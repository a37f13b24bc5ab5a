import { CATEGORY_LABELS, findCategoryKeyword, foldText } from './content-keywords';
import { GLOBAL_RULES, rulesFor, UNLISTED_COUNTRY_LINE } from './country-rules';
import { describeInstant, describeWindows } from './describe';
import { frenchStopPosition, hasUnsubscribeOption } from './opt-out';
import { nextOpenInstant } from './time-window';
import type { CountryRule, HolidayCalendar, IssueCode, RulesInput, RulesResult } from './types';
import { findPublicShorteners } from './url-shorteners';
import { wallTimeAt } from './zoned-time';

interface Context {
  input: RulesInput;
  country: string;
  countryName: string;
  folded: string;
  holidays: HolidayCalendar;
  result: RulesResult;
}

/**
 * Checks one message to one country against the provider's published rules,
 * with the holiday calendar given. This file does not load the holiday library,
 * so a bundle that gets holidays elsewhere (e.g. over IPC) can import it alone;
 * `checkSendingRules` in ./defaults binds the library's calendar.
 */
export function checkRules(input: RulesInput, holidays: HolidayCalendar): RulesResult {
  if (Number.isNaN(input.sendAt.getTime())) throw new RangeError('sendAt is not a valid date');
  const country = input.countryIso.trim().toUpperCase();
  const listed = rulesFor(country);
  const ctx: Context = {
    input,
    country,
    countryName: withArticle(listed?.countryName ?? country),
    folded: foldText(input.text),
    holidays,
    result: { blocks: [], warnings: [], nextAllowedAt: null },
  };
  const rules = [...GLOBAL_RULES, ...(listed?.rules ?? [])];
  for (const rule of rules) {
    if (rule.scope === 'marketing' && !input.marketing) continue;
    applyRule(rule, rules, ctx);
  }
  if (!listed && input.marketing) {
    warn(
      ctx,
      'country-not-listed',
      country === ''
        ? "The recipient's country is unknown, so its sending rules cannot be checked; fix the number or check with the provider's support before marketing sends."
        : `The provider documents no country-specific rules for ${country}; it recommends asking its support before marketing sends there.`,
      UNLISTED_COUNTRY_LINE,
    );
  }
  applyUnscopedShortenerWarning(rules, ctx);
  return ctx.result;
}

function applyRule(rule: CountryRule, all: CountryRule[], ctx: Context): void {
  switch (rule.kind) {
    case 'consent':
      checkConsent(rule, all, ctx);
      break;
    case 'unsubscribe-option':
      checkUnsubscribe(rule, all, ctx);
      break;
    case 'opt-out-text':
      checkOptOutText(rule, ctx);
      break;
    case 'time-window':
      checkTimeWindow(rule, ctx);
      break;
    case 'no-public-url-shorteners':
      checkShorteners(rule, ctx, 'block');
      break;
    case 'prohibited-content':
      checkContent(rule, ctx);
      break;
    case 'age-verification':
      checkAgeVerification(rule, ctx);
      break;
    case 'sender-validation':
      warn(
        ctx,
        'sender-validation',
        `Senders to ${ctx.countryName} must be validated by the provider; contact ${rule.contact} before sending if yours is not.`,
        rule.line,
      );
      break;
    case 'prior-registration':
      warn(
        ctx,
        'prior-registration',
        `Promotional content to ${ctx.countryName} may need prior registration with the provider; check before sending.`,
        rule.line,
      );
      break;
    case 'provider-may-alter-text':
      warn(
        ctx,
        'provider-may-alter-text',
        `For ${ctx.countryName} the provider may add the sender's name at the start or a URL at the end, which can add a part to the message; leave room.`,
        rule.line,
      );
      break;
  }
}

type Rule<K extends CountryRule['kind']> = Extract<CountryRule, { kind: K }>;

function checkConsent(rule: Rule<'consent'>, all: CountryRule[], ctx: Context): void {
  const { consent, marketing } = ctx.input;
  if (consent === true) return;
  // A known refusal is reported once, by the rule that applies everywhere.
  if (rule.express && consent === false) return;
  const stricter = all.some((r) => r.kind === 'consent' && r.express && r !== rule);
  if (rule.express) {
    block(
      ctx,
      'express-opt-in-required',
      `Marketing to ${ctx.countryName} needs the recipient's express prior opt-in; record it (consent: yes) or send only to people who opted in.`,
      rule.line,
    );
  } else if (consent === false) {
    block(
      ctx,
      'consent-refused',
      'This recipient has not consented to receive messages; remove them from the send.',
      rule.line,
    );
  } else if (marketing && !stricter) {
    warn(
      ctx,
      'consent-unconfirmed',
      "Recipients must have consented, and unsolicited promotions are prohibited; this recipient's consent is not recorded, so check it before sending.",
      rule.line,
    );
  }
}

function checkUnsubscribe(
  rule: Rule<'unsubscribe-option'>,
  all: CountryRule[],
  ctx: Context,
): void {
  // A country's own opt-out wording (France) is the more precise message; report that one.
  if (all.some((r) => r.kind === 'opt-out-text')) return;
  if (hasUnsubscribeOption(ctx.input.text)) return;
  block(
    ctx,
    'unsubscribe-missing',
    'Promotional messages must let the recipient unsubscribe; add {UNSUB_URL} (the provider fills in a link) or an opt-out instruction such as "Reply STOP to unsubscribe".',
    rule.line,
  );
}

function checkOptOutText(rule: Rule<'opt-out-text'>, ctx: Context): void {
  const where = frenchStopPosition(ctx.input.text);
  if (where === 'end') return;
  if (where === 'missing') {
    block(
      ctx,
      'opt-out-text-missing',
      `Marketing messages to ${ctx.countryName} must end with "${rule.template}"; add it at the end with your STOP short code.`,
      rule.line,
    );
  } else {
    block(
      ctx,
      'opt-out-text-not-at-end',
      `"${rule.template}" must be the last thing in marketing messages to ${ctx.countryName}; move it to the end.`,
      rule.line,
    );
  }
}

/** What a time-window rule says about one send time: the block (if any) and the next open instant. */
interface WindowVerdict {
  block: { code: IssueCode; message: string } | null;
  nextMs: number;
}

// The verdict is a pure function of (calendar, rule, country, send time), and a
// bulk check asks it once per row with the same few keys: keep the last few per
// rule. WeakMaps let a calendar or rule table that goes away take its cache along.
const MAX_VERDICTS_PER_RULE = 64;
const verdicts = new WeakMap<HolidayCalendar, WeakMap<CountryRule, Map<string, WindowVerdict>>>();

function verdictCache(ctx: Context, rule: CountryRule): Map<string, WindowVerdict> {
  let byRule = verdicts.get(ctx.holidays);
  if (!byRule) {
    byRule = new WeakMap();
    verdicts.set(ctx.holidays, byRule);
  }
  let cache = byRule.get(rule);
  if (!cache) {
    cache = new Map();
    byRule.set(rule, cache);
  }
  return cache;
}

function checkTimeWindow(rule: Rule<'time-window'>, ctx: Context): void {
  const cache = verdictCache(ctx, rule);
  const key = `${ctx.country}\u0000${ctx.input.sendAt.getTime()}`;
  let verdict = cache.get(key);
  if (!verdict) {
    verdict = timeWindowVerdict(rule, ctx);
    if (cache.size >= MAX_VERDICTS_PER_RULE) cache.clear();
    cache.set(key, verdict);
  }
  if (!verdict.block) return;
  block(ctx, verdict.block.code, verdict.block.message, rule.line);
  // A fresh Date each time: results are handed out and must not share a mutable object.
  ctx.result.nextAllowedAt = new Date(verdict.nextMs);
}

function timeWindowVerdict(rule: Rule<'time-window'>, ctx: Context): WindowVerdict {
  const schedule = { countryIso: ctx.country, ...rule };
  const { sendAt } = ctx.input;
  const next = nextOpenInstant(schedule, sendAt, ctx.holidays);
  if (next.getTime() === sendAt.getTime()) return { block: null, nextMs: next.getTime() };
  const holiday = rule.closedOnPublicHolidays
    ? ctx.holidays.isPublicHoliday(ctx.country, wallTimeAt(sendAt, rule.timeZone))
    : false;
  const when = describeInstant(sendAt, rule.timeZone);
  const allowed = `${describeWindows(rule.windows)}${rule.closedOnPublicHolidays ? ', never on Sundays or public holidays' : ''}`;
  const reason = holiday ? `${when} is a public holiday there` : `it is ${when} there`;
  return {
    block: {
      code: holiday ? 'public-holiday' : 'outside-sending-hours',
      message: `Marketing SMS to ${ctx.countryName} may only be sent ${allowed} (${rule.timeZone} time), and ${reason}; schedule it for ${describeInstant(next, rule.timeZone)} or later.`,
    },
    nextMs: next.getTime(),
  };
}

function checkShorteners(
  rule: Rule<'no-public-url-shorteners'>,
  ctx: Context,
  severity: 'block' | 'warn',
): void {
  const found = findPublicShorteners(ctx.input.text);
  if (found.length === 0) return;
  const list = found.join(', ');
  const fix = "use the full link, your own domain, or the provider's shortener ({url|shorten})";
  if (severity === 'block') {
    block(
      ctx,
      'public-url-shortener',
      `Public URL shorteners (${list}) are not allowed in promotional messages to ${ctx.countryName}; ${fix}.`,
      rule.line,
    );
  } else {
    warn(
      ctx,
      'public-url-shortener',
      `Public URL shorteners (${list}) are banned in promotional messages to ${ctx.countryName} and may get this one filtered too; ${fix}.`,
      rule.line,
    );
  }
}

/** Shortener rules scoped to marketing still deserve a heads-up on other messages. */
function applyUnscopedShortenerWarning(rules: CountryRule[], ctx: Context): void {
  if (ctx.input.marketing) return;
  for (const rule of rules) {
    if (rule.kind === 'no-public-url-shorteners') checkShorteners(rule, ctx, 'warn');
  }
}

function checkContent(rule: Rule<'prohibited-content'>, ctx: Context): void {
  for (const category of rule.categories) {
    const word = findCategoryKeyword(ctx.folded, category);
    if (!word) continue;
    warn(
      ctx,
      `prohibited-content:${category}`,
      `The text mentions "${word}"; messages about ${CATEGORY_LABELS[category]} are prohibited to ${ctx.countryName}. Remove it if it is about that.`,
      rule.line,
    );
  }
}

function checkAgeVerification(rule: Rule<'age-verification'>, ctx: Context): void {
  for (const category of rule.categories) {
    const word = findCategoryKeyword(ctx.folded, category);
    if (!word) continue;
    warn(
      ctx,
      'age-verification-required',
      `The text mentions "${word}" (${CATEGORY_LABELS[category]}); in ${ctx.countryName} such messages may only go to recipients whose age has been verified (PSA and Ofcom guidelines).`,
      rule.line,
    );
    return;
  }
}

/** "the United States", "France": reads naturally after "to". */
function withArticle(name: string): string {
  return /^United /.test(name) ? `the ${name}` : name;
}

function block(ctx: Context, code: IssueCode, message: string, seedLine: number): void {
  ctx.result.blocks.push({ code, message, countryIso: ctx.country, seedLine });
}

function warn(ctx: Context, code: IssueCode, message: string, seedLine: number): void {
  ctx.result.warnings.push({ code, message, countryIso: ctx.country, seedLine });
}
