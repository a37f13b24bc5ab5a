export * from './bulk-stats';
export * from './filters';
export * from './render';
export * from './template';
