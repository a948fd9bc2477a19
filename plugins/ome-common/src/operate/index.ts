export * from './modelAgent';
export * from './isvcConditions';
export * from './pods';
