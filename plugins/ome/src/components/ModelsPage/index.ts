export { ModelsPage } from './ModelsPage';
export { ModelsContent } from './ModelsContent';
