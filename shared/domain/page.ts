/** One page of a provider listing. `total` only when the provider says it. */
export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pageSize: number;
  total?: number;
  totalPages?: number;
  hasMore: boolean;
}

export interface PageRequest {
  /** 1-based; default 1. */
  page?: number;
  /** Default and maximum depend on the provider (360nrs: 100, at most 1000). */
  pageSize?: number;
}
