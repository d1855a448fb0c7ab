export * from './creditCode';
export * from './idNumber';
export * from './phone';
