export { HuggingFaceImportPage } from './HuggingFaceImportPage';
