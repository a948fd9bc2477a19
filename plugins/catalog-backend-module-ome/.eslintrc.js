module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The integration suites start the real OME backend plugin with the harness of
      // plugins/ome-backend (its control plane and config), and setupTests.ts installs its
      // secrets sweep; the module's code never does.
      files: ['src/**/*.integration.test.ts', 'src/setupTests.ts'],
      rules: {
        '@backstage/no-forbidden-package-imports': 'off',
        '@backstage/no-mixed-plugin-imports': 'off',
      },
    },
  ],
});
