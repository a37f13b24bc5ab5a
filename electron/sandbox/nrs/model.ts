/** State shapes of the 360nrs simulator (what the store keeps, not what the wire shows). */

export interface Campaign {
  id: number;
  name: string;
  createdAt: number;
  updatedAt: number;
  sendingIds: number[];
}

export interface Sending {
  id: number;
  /** 0 for an API send without campaignName (seed 003 line 8427). */
  campaignId: number;
  campaignName: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  messageIds: string[];
}

export interface CustomField {
  key: string;
  type: 'string' | 'date' | 'decimal';
  value: string;
}

export interface NrsContact {
  id: number;
  email: string | null;
  phone: string | null;
  countryIso: string | null;
  landline: string | null;
  name: string | null;
  surname: string | null;
  externalId: string | null;
  createdAt: number;
  updatedAt: number;
  customFields: CustomField[];
  groupIds: number[];
}

export interface Group {
  id: number;
  name: string;
}

export type BlacklistType = 'sms' | 'mailing' | 'voice';

export interface BlacklistEntry {
  type: BlacklistType;
  recipient: string;
  isDefinitive: boolean;
  sendingId: number | null;
  campaignName: string | null;
  createdAt: number;
}

export interface WaMessage {
  id: string;
  type: 'text' | 'template';
  /** Who wrote it: the business number or the person. */
  msisdn: string;
  content: string;
  reactions: string[];
  sentAt: number;
  readAfterMs: number | null;
  inbound: boolean;
}

export interface WaContact {
  msisdn: string;
  firstName: string;
  lastName: string;
  email: string;
  interest: string;
  comment: string;
  country: string;
}

export interface Conversation {
  /** The business sender. */
  from: string;
  /** The person. */
  to: string;
  createdAt: number;
  contact: WaContact | null;
  messages: WaMessage[];
}

export interface WaTemplate {
  id: number;
  name: string;
  content: string;
}
