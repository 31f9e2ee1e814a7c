export * from './customers';
export * from './plans';
export * from './settings';
