import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';

export interface WhatsAppTemplate {
  templateId: number;
  name: string;
  /** The approved text, with {{1}}, {{2}} … where the body fields go. */
  body: string;
}

export class TemplateInputError extends Error {}

/**
 * The approved WhatsApp templates an account uses. 360nrs sends a template by
 * its id (seed 003 line 1730, "approved for sending from the platform") and
 * has no call that lists them, so the person keeps here the ones they use.
 */
export function listWhatsAppTemplates(db: Db, accountId: number): WhatsAppTemplate[] {
  return db
    .prepare(
      `SELECT template_id AS templateId, name, body FROM whatsapp_templates
       WHERE account_id = ? ORDER BY name, template_id`,
    )
    .all(accountId) as WhatsAppTemplate[];
}

/** Replaces the account's list; a repeated id is refused, naming it. */
export function setWhatsAppTemplates(
  db: Db,
  accountId: number,
  templates: readonly WhatsAppTemplate[],
): WhatsAppTemplate[] {
  const seen = new Set<number>();
  for (const t of templates) {
    if (seen.has(t.templateId))
      throw new TemplateInputError(`Template ${t.templateId} is in the list twice.`);
    seen.add(t.templateId);
    if (t.name.trim() === '')
      throw new TemplateInputError(`Template ${t.templateId} needs a name.`);
  }
  writeTransaction(db, () => {
    db.prepare('DELETE FROM whatsapp_templates WHERE account_id = ?').run(accountId);
    const insert = db.prepare(
      'INSERT INTO whatsapp_templates (account_id, template_id, name, body) VALUES (?, ?, ?, ?)',
    );
    for (const t of templates) insert.run(accountId, t.templateId, t.name.trim(), t.body);
  });
  return listWhatsAppTemplates(db, accountId);
}

/** How many body fields the template asks for: the highest {{n}}. */
export function templateFieldCount(body: string): number {
  let max = 0;
  for (const m of body.matchAll(/\{\{(\d+)\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** The text the person will receive, as the provider fills it in. */
export function renderTemplate(body: string, fields: readonly string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => fields[Number(n) - 1] ?? whole);
}
