export { DeployWizardPage } from './DeployWizardPage';
