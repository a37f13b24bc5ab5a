/**
 * The sender ("from") rule of the 360nrs send API (seed 003, `from`): up to 11
 * alphanumeric characters, or up to 15 digits. Missing is error 106, too long 107.
 */
export type SenderProblem = { code: 106 | 107; message: string } | null;

export function checkSender(sender: string): SenderProblem {
  if (sender.trim() === '') return { code: 106, message: 'The sender is missing.' };
  if (/^\d+$/.test(sender)) {
    return sender.length <= 15
      ? null
      : { code: 107, message: `The numeric sender "${sender}" is longer than 15 digits.` };
  }
  if (!/^[A-Za-z0-9 ]+$/.test(sender)) {
    return {
      code: 107,
      message: `The sender "${sender}" may use only letters A-Z, digits and spaces.`,
    };
  }
  return sender.length <= 11
    ? null
    : { code: 107, message: `The sender "${sender}" is longer than 11 characters.` };
}
