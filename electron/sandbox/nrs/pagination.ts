/** Listing endpoints: `limit` default 100, max 1000, `page` from 1 (seed 003 line 3185-3204). */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface PageMeta {
  pagination: {
    total: number;
    count: number;
    per_page: number;
    current_page: number;
    total_pages: number;
    links: { next?: string; previous?: string };
  };
}

export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  selfUrl: string,
): { data: T[]; meta: PageMeta } {
  const perPage = clampInt(query.get('limit'), DEFAULT_LIMIT, 1, MAX_LIMIT);
  const page = clampInt(query.get('page'), 1, 1, Number.MAX_SAFE_INTEGER);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const data = items.slice((page - 1) * perPage, page * perPage);
  const links: PageMeta['pagination']['links'] = {};
  if (page < totalPages) links.next = pageUrl(selfUrl, query, page + 1);
  if (page > 1) links.previous = pageUrl(selfUrl, query, Math.min(page - 1, totalPages));
  return {
    data,
    meta: {
      pagination: {
        total: items.length,
        count: data.length,
        per_page: perPage,
        current_page: page,
        total_pages: totalPages,
        links,
      },
    },
  };
}

function pageUrl(selfUrl: string, query: URLSearchParams, page: number): string {
  const q = new URLSearchParams(query);
  q.set('page', String(page));
  return `${selfUrl}?${q.toString()}`;
}

function clampInt(text: string | null, fallback: number, min: number, max: number): number {
  const n = text === null ? Number.NaN : Number.parseInt(text, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}
