import '@testing-library/jest-dom';

// A hang guard for small shared CI machines, not a performance assertion.
jest.setTimeout(60_000);
