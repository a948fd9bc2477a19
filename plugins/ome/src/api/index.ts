export { omeApiRef } from './OmeApi';
export type { OmeApi } from './OmeApi';
export { OmeClient } from './OmeClient';
