export * from './sheets';
export * from './columns';
export * from './labels';
export * from './tables';
export * from './settings';
export * from './settingsGrid';
export * from './matrix';
export * from './guide';
