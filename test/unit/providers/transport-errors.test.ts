import { describe, expect, it } from 'vitest';
import { describeTransportError } from '../../../electron/core/providers/transport-errors';

const err = (code: string) => Object.assign(new Error(code), { code });

describe('network failures', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])(
    '%s before the request was written is transient, even for a send',
    (code) => {
      const e = describeTransportError(err(code), { name: 'P', written: false, idempotent: false });
      expect(e.kind).toBe('transient');
      expect(e.code).toBe('network');
    },
  );

  it.each([
    'ECONNRESET',
    'UND_ERR_SOCKET',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'HPE_INVALID_CONSTANT',
  ])('%s after a send was written is an unknown outcome', (code) => {
    const e = describeTransportError(err(code), { name: 'P', written: true, idempotent: false });
    expect(e.kind).toBe('unknown-outcome');
    expect(e.message).toMatch(/unknown\.$/);
  });

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])(
    '%s after a read was written is transient',
    (code) => {
      const e = describeTransportError(err(code), { name: 'P', written: true, idempotent: true });
      expect(e.kind).toBe('transient');
    },
  );

  it('finds the code on the cause of a wrapped error', () => {
    const wrapped = Object.assign(new Error('fetch failed'), { cause: err('ECONNREFUSED') });
    expect(
      describeTransportError(wrapped, { name: 'P', written: false, idempotent: true }).code,
    ).toBe('network');
  });

  it('asks a person to act on an untrusted certificate', () => {
    const e = describeTransportError(err('DEPTH_ZERO_SELF_SIGNED_CERT'), {
      name: 'P',
      written: false,
      idempotent: true,
    });
    expect(e.kind).toBe('account');
  });
});
