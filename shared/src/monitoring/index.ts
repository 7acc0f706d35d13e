export * from './task-state';
export * from './task-state.type';
export * from './task-state.resolver';
export * from './warnings';
export * from './warnings.type';
