export * from './topics';
export * from './buddy-settings';
export * from './help-request';
export * from './ranking';
export * from './buddy-figures';
export * from './free-slot';
