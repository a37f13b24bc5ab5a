import type { ReplyOf } from '../../../shared/ipc/contract';
import type { AdapterPool } from '../accounts/adapters';
import type { Db } from '../db/connection';
import { jobSummary } from './list';

type Figures = ReplyOf<'jobs.provider'>;

/**
 * The provider's own figures for a job, read now: its campaign (the job's
 * name, exactly), each sending's counters, and the events report of those
 * sendings counted by event. Shown beside the local counts; offline or on a
 * provider without campaigns, a sentence instead.
 */
export async function providerFigures(
  db: Db,
  adapters: AdapterPool,
  jobId: number,
): Promise<Figures> {
  const job = jobSummary(db, jobId);
  if (!job) return { ok: false, unsupported: false, message: `There is no bulk job ${jobId}.` };
  const adapter = adapters.get(job.accountId);
  if (!adapter.capabilities.campaigns)
    return { ok: false, unsupported: true, message: 'This provider keeps no campaign figures.' };
  const signal = AbortSignal.timeout(10_000);
  try {
    const campaigns = await adapter.listCampaigns({ name: job.name }, { signal });
    const campaign = campaigns.find((c) => c.name === job.name) ?? null;
    const events: Record<string, number> = {};
    let eventsTotal = 0;
    if (campaign && adapter.capabilities.sendingReport) {
      for (const sending of campaign.sendings) {
        for (const e of await adapter.getSendingEvents(sending.id, {}, { signal })) {
          events[e.event] = (events[e.event] ?? 0) + 1;
          eventsTotal++;
        }
      }
    }
    return {
      ok: true,
      campaign: campaign
        ? {
            id: campaign.id,
            name: campaign.name,
            sendings: campaign.sendings.map((s) => ({
              id: s.id,
              status: s.status,
              total: s.total,
              processed: s.processed,
              parts: s.parts,
              cost: s.cost,
              currency: s.currency,
              counts: { ...s.counts },
            })),
          }
        : null,
      events,
      eventsTotal,
    };
  } catch (error) {
    return {
      ok: false,
      unsupported: false,
      message: `The provider’s figures could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
