import type { Capabilities, ProviderKind } from '../../../shared/domain/capabilities';
import { ACTION_CAPABILITIES, ActionAdapter } from './action/adapter';
import { ADDRESSBOOK_CAPABILITIES, AddressBookAdapter } from './addressbook/adapter';
import { NRS_CAPABILITIES, NrsAdapter } from './nrs/adapter';
import { TAGS_CAPABILITIES, TagsAdapter } from './tags/adapter';
import type { AdapterConfig, ProviderAdapter } from './types';

/** Makes the adapter for an account. The caller closes it when done. */
export function createAdapter(config: AdapterConfig): ProviderAdapter {
  switch (config.provider) {
    case 'nrs':
      if (!config.username) throw new Error('A 360nrs account needs a username.');
      return new NrsAdapter(config);
    case 'action':
      return new ActionAdapter(config);
    case 'addressbook':
      return new AddressBookAdapter(config);
    case 'tags':
      return new TagsAdapter(config);
    default: {
      const never: never = config.provider;
      throw new Error(`Unknown provider ${String(never)}.`);
    }
  }
}

const CAPABILITIES_BY_KIND: Record<ProviderKind, Capabilities> = {
  nrs: NRS_CAPABILITIES,
  action: ACTION_CAPABILITIES,
  addressbook: ADDRESSBOOK_CAPABILITIES,
  tags: TAGS_CAPABILITIES,
};

/** A provider's capabilities without making an adapter (no secret needed). */
export function capabilitiesOf(kind: ProviderKind): Capabilities {
  return CAPABILITIES_BY_KIND[kind];
}
