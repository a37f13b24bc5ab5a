import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  decodeActionRequest,
  encodeActionRequest,
} from '../../../shared/providers/action/schemas';

const text = fc.string({ maxLength: 20 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('NEW' as const), Number: text, Email: text }),
  fc.record({ type: fc.constant('EDIT' as const), idContact: fc.nat(), Fname: text }),
  fc.record({ type: fc.constant('TRASH' as const), idContact: fc.nat() }),
  fc.record({ type: fc.constant('SEARCH' as const), Lname: text }),
  fc.record({ type: fc.constantFrom('SMS' as const, 'CALL' as const), number: text, text }),
  fc.record({ idContact: fc.nat(), idAuto: fc.nat() }),
);

describe('action API body', () => {
  it('is what the seed PHP builds: the key, then actions under "0", "1", ...', () => {
    const body = encodeActionRequest('k3y', [
      { type: 'SMS', number: '+526643596440', text: 'Hello' },
    ]);
    // Key order differs from PHP's (JS puts integer keys first); JSON objects are unordered.
    expect(JSON.parse(JSON.stringify(body))).toEqual(
      JSON.parse('{"secretKey":"k3y","0":{"type":"SMS","number":"+526643596440","text":"Hello"}}'),
    );
  });

  it('decodes what it encodes, in order, for any list of actions', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.array(action, { maxLength: 15 }),
        (key, actions) => {
          const decoded = decodeActionRequest(
            JSON.parse(JSON.stringify(encodeActionRequest(key, actions))),
          );
          expect(decoded).toEqual({ secretKey: key, actions });
        },
      ),
    );
  });

  it('refuses a body without the key or with a malformed action', () => {
    expect(decodeActionRequest({ 0: { type: 'SMS', number: '1', text: 'x' } })).toBeNull();
    expect(decodeActionRequest({ secretKey: 'k', 0: { type: 'FAX' } })).toBeNull();
    expect(decodeActionRequest({ secretKey: 'k', extra: 1 })).toBeNull();
  });
});
