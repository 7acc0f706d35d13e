export * from './plan-import.input';
export * from './plan-import.type';
export * from './plan-import';
