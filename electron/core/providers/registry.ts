import { ActionAdapter } from './action/adapter';
import { AddressBookAdapter } from './addressbook/adapter';
import { NrsAdapter } from './nrs/adapter';
import { TagsAdapter } from './tags/adapter';
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
