import '@testing-library/jest-dom';

// The CI machines are small and shared: rendering a Backstage page can take longer than
// jest's 5 s default there. This is a hang guard, not a performance assertion.
jest.setTimeout(60_000);
