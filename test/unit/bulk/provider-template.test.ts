import { describe, expect, it } from 'vitest';
import { providerTemplate, renameFields } from '../../../electron/core/bulk/provider-template';
import { parseTemplate, renderTemplate } from '../../../shared/merge';

describe('providerTemplate', () => {
  it('sends non-ASCII field names under ASCII names the provider substitutes, keeping filters', () => {
    const { source, rename } = providerTemplate(
      parseTemplate('Hola {Nombre|capitalize}, código {Código} {UNSUB_URL}'),
    );
    expect(source).toBe('Hola {Nombre|capitalize}, código {Codigo} {UNSUB_URL}');
    expect(renameFields({ Nombre: 'ana', Código: 'X1' }, rename)).toEqual({
      Nombre: 'ana',
      Codigo: 'X1',
    });
  });

  it('keeps names unique when two fold to the same ASCII', () => {
    const { source } = providerTemplate(parseTemplate('{Codigo} {Código} {Códigó}'));
    expect(source).toBe('{Codigo} {Codigo_2} {Codigo_3}');
  });

  it('renders the same text before and after renaming', () => {
    const original = parseTemplate('{Prénom|upper} / {Ville}');
    const values = { Prénom: 'amélie', Ville: 'Nîmes' };
    const { source, rename } = providerTemplate(original);
    expect(renderTemplate(parseTemplate(source), renameFields(values, rename))).toEqual(
      renderTemplate(original, values),
    );
  });
});
