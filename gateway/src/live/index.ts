export * from './share-key';
export * from './share-options';
export * from './shared-subscriptions';
export * from './request-errors';
export * from './concurrent-events';
