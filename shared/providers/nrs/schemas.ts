// Wire schemas of the 360nrs REST API (seed 003), one file per area.
export * from './account';
export * from './blacklist';
export * from './campaigns';
export * from './common';
export * from './contacts';
export * from './scheduled';
export * from './sms';
export * from './whatsapp';
