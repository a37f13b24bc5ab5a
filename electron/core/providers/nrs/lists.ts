import type { BlacklistEntry } from '../../../../shared/domain/blacklist';
import type { MessageEncoding } from '../../../../shared/domain/message';
import type { Page } from '../../../../shared/domain/page';
import type { ScheduledMessage } from '../../../../shared/domain/scheduled';
import type { NrsBlacklistEntry } from '../../../../shared/providers/nrs/blacklist';
import type { NrsPagination } from '../../../../shared/providers/nrs/common';
import type { NrsScheduledItem } from '../../../../shared/providers/nrs/scheduled';
import { fromNrsDate } from './dates';

export function toPage<T>(items: T[], p: NrsPagination): Page<T> {
  return {
    items,
    page: p.current_page,
    pageSize: p.per_page,
    total: p.total,
    totalPages: p.total_pages,
    hasMore: p.current_page < p.total_pages,
  };
}

export function mapBlacklistEntry(e: NrsBlacklistEntry): BlacklistEntry {
  return {
    channel: e.type,
    recipient: e.recipient,
    definitive: e.isDefinitive,
    sendingId: e.sendingId ? String(e.sendingId) : null,
    campaignName: e.campaignName,
    createdAt: e.createdAt,
  };
}

const ENCODINGS: Record<string, MessageEncoding> = {
  gsm: 'gsm',
  'gsm-pt': 'gsm-pt',
  'utf-16': 'ucs2',
};

export function mapScheduled(item: NrsScheduledItem): ScheduledMessage {
  const c = item.content;
  return {
    guid: String(item.guid),
    channel: item.type === 'SMS' ? 'sms' : 'mailing',
    sendingId:
      item.sending_id !== undefined ? String(item.sending_id) : (c?.sendingId?.toString() ?? null),
    scheduledAt: fromNrsDate(item.scheduled_at),
    updatedAt: fromNrsDate(item.updated_at),
    content: c
      ? { to: c.to, from: c.from, text: c.message, encoding: ENCODINGS[c.encoding ?? ''] ?? null }
      : null,
  };
}
