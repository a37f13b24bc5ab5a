import { expect, type Page } from '@playwright/test';

/** The CSV wizard and the Jobs view, by role and label (English or Spanish). */
export class BulkPage {
  constructor(readonly page: Page) {}

  step(name: 'file' | 'columns' | 'message' | 'report' | 'totals' | 'progress') {
    return this.page.getByTestId(`step-${name}`);
  }
  async chooseCsv(name: string, buffer: Buffer): Promise<void> {
    await this.page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await expect(this.page.getByTestId('sniff')).toBeVisible();
  }
  next() {
    return this.page.getByRole('button', { name: /^(Next|Siguiente)$/ });
  }
  back() {
    return this.page.getByRole('button', { name: /^(Back|Atrás)$/ });
  }
  cancel() {
    return this.page.getByRole('button', { name: /^(Cancel|Cancelar)$/ });
  }
  template() {
    return this.page.getByRole('textbox', { name: /^(Message|Mensaje)$/ });
  }
  jobName() {
    return this.page.getByRole('textbox', { name: /Name of this send|Nombre de este envío/ });
  }
  select(name: RegExp) {
    return this.page.getByRole('button', { name });
  }
  async shot(name: string, language: 'en' | 'es'): Promise<void> {
    await this.page.screenshot({
      path: `docs/screenshots/bulk-${name}-${language}.png`,
      fullPage: true,
    });
  }
  jobsTable() {
    return this.page.getByRole('grid', { name: /Bulk jobs|Envíos masivos/ });
  }
}

/** A clinic's export: semicolons, Windows-1252 (accents), a header, and known bad rows. */
export function clinicCsv(
  encode: (text: string) => Buffer,
  rows: number,
  firstNumber: number,
): { buffer: Buffer; bad: { invalid: number; duplicate: number; missing: number } } {
  const lines = ['Nombre;Teléfono;Fecha'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `José Muñoz ${i + 1};6${String(firstNumber + i).padStart(8, '0')};lunes ${(i % 28) + 1}`,
    );
  // Spreadsheet rows (the header is row 1): data row i is line i + 1.
  lines[9] = 'Número malo;12345;martes';
  lines[19] = `Repetido;6${String(firstNumber + 1).padStart(8, '0')};jueves`;
  lines[29] = `;6${String(firstNumber + 29).padStart(8, '0')};viernes`;
  return {
    buffer: encode(`${lines.join('\r\n')}\r\n`),
    bad: { invalid: 10, duplicate: 20, missing: 30 },
  };
}
