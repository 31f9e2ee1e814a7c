export * from './customerEvents';
export * from './customers';
export * from './jobs';
export * from './meta';
export * from './plans';
export * from './settings';
export * from './billing';
export * from './payments';
