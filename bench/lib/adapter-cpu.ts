// The 360nrs adapter's own CPU per request, timed apart from the drain on the
// same data: building and serialising the request, and reading the answer
// (JSON.parse, the zod schema, matching results to recipients).
import { performance } from 'node:perf_hooks';
import { buildSmsRequest, mapSendResponse } from '../../electron/core/providers/nrs/send';
import type { OutgoingBatch } from '../../shared/domain/message';
import { SmsSendResponseSchema } from '../../shared/providers/nrs/sms';

export interface AdapterCpu {
  buildMs: number;
  parseMs: number;
}

function perCall(rounds: number, work: () => void): number {
  for (let i = 0; i < 5; i++) work();
  const start = performance.now();
  for (let i = 0; i < rounds; i++) work();
  return (performance.now() - start) / rounds;
}

export function adapterCpu(batch: OutgoingBatch, answer: string, rounds = 50): AdapterCpu {
  return {
    buildMs: perCall(rounds, () => void JSON.stringify(buildSmsRequest(batch))),
    parseMs: perCall(rounds, () => {
      const body = SmsSendResponseSchema.parse(JSON.parse(answer));
      void mapSendResponse(batch, body, 202);
    }),
  };
}
