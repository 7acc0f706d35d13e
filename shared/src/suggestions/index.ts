export * from './link-suggestion.type';
export * from './suggestion-dismissal';
export * from './suggestion-migration';
export * from './suggestion-reader';
export * from './suggestion-score';
export * from './task-cites';
