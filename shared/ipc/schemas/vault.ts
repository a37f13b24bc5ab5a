import { z } from 'zod';

/** The OS credential store, or the passphrase-encrypted file (where the OS has none). */
export const VaultStore = z.enum(['os', 'passphrase-file']);

export const VaultStatusReply = z.object({
  /** Where new secrets go; null when nothing is chosen and the OS store does not answer. */
  store: VaultStore.nullable(),
  osStoreAvailable: z.boolean(),
  /** The person must choose (the passphrase file) before an account can be added. */
  choiceNeeded: z.boolean(),
  /** The passphrase file is in use but its passphrase was not given since the app started. */
  locked: z.boolean(),
  /** The passphrase file's passphrase is short; secrets are never kept in plain text. */
  weak: z.boolean(),
  /** The passphrase file's path, when it is the store. */
  file: z.string().nullable(),
  /** One sentence for Settings. */
  sentence: z.string(),
});

/** Choosing the passphrase file also unlocks it for this run of the app. */
export const VaultChooseRequest = z.discriminatedUnion('store', [
  z.object({ store: z.literal('os') }).strict(),
  z
    .object({
      store: z.literal('passphrase-file'),
      passphrase: z.string().min(8, 'The passphrase needs at least 8 characters.').max(1024),
    })
    .strict(),
]);

export const VaultChooseReply = VaultStatusReply;
