export { EntityOmeCard } from './EntityOmeCard';
export { EntityOmeContent } from './EntityOmeContent';
