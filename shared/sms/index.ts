export * from './capacity';
export * from './counter';
export { forcingStrings } from './forcing-positions';
export { graphemeBoundaries } from './graphemes';
export { GSM_BASIC, GSM_EXTENSION, isGsmChar, PT_LOCKING, PT_SINGLE_SHIFT } from './gsm-tables';
export * from './send-checks';
export * from './suggestions';
