export * from './event-match';
export * from './listener-index';
