import type { SandboxReply } from '../http-types';

/** Error code → [HTTP status, description], from the seed's table (003 line 9435). */
const NRS_ERRORS: Record<number, [number, string]> = {
  101: [500, 'Internal Database error'],
  102: [400, 'No valid recipients'],
  103: [401, 'Username or password unknown'],
  104: [400, 'Text message missing'],
  105: [400, 'Text message too long'],
  106: [400, 'Sender missing'],
  107: [400, 'Sender too long'],
  108: [400, 'No valid Datetime for send'],
  109: [400, 'Notification URL incorrect'],
  110: [400, 'Exceeded maximum parts allowed or incorrect number of parts'],
  111: [402, 'Not enough credits'],
  112: [401, 'IP address not allowed'],
  113: [400, 'Invalid coding'],
  115: [400, 'Sender is not verified'],
  119: [400, 'Invalid expiration date'],
  120: [400, 'Invalid GUID'],
  121: [400, 'Invalid scheduled date'],
  125: [400, 'Invalid JSON'],
  126: [400, 'Empty campaign name'],
  140: [400, 'Template missing'],
  183: [400, 'Available times value is not an array'],
  184: [400, 'Available times day is not an integer'],
  185: [400, 'Available times day out of range'],
  186: [400, 'Available times from hour format error'],
  187: [400, 'Available times to hour format error'],
  188: [400, 'Available times from hour is greater than to hour'],
  189: [400, 'Missing available time object property'],
  404: [404, 'Resource not found'],
  405: [405, 'Method not allowed'],
  422: [422, 'Input validation error'],
};

export interface NrsErrorDetail {
  code: number;
  description: string;
}

export function nrsErrorDetail(code: number, description?: string): NrsErrorDetail {
  return { code, description: description ?? NRS_ERRORS[code]?.[1] ?? 'Error' };
}

/** `{ error: { code, description } }` with the HTTP status of the seed's table. */
export function nrsError(code: number, description?: string): SandboxReply {
  const status = NRS_ERRORS[code]?.[0] ?? 400;
  return { status, body: { error: nrsErrorDetail(code, description) } };
}
