export { OmeRouter } from './OmeRouter';
export { OmePageRoot } from './OmePageRoot';
