import type { Channel, ParsedRequestOf, ReplyOf } from '../../../shared/ipc/contract';

/** A handler receives a request already validated against the contract. */
export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
) => ReplyOf<C> | Promise<ReplyOf<C>>;

export type HandlerTable = { [C in Channel]: Handler<C> };

/** What one domain module contributes to the table. */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };
