export { normalizePhone } from './normalize';
export type {
  InvalidPhone,
  InvalidPhoneReason,
  LineType,
  NormalizeOptions,
  PhoneResult,
  ValidPhone,
} from './types';
