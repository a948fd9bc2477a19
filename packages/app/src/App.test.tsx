import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  afterEach(() => jest.restoreAllMocks());

  it('renders the sign-in page with guest sign-in', async () => {
    // The app reads its config from APP_CONFIG (an array, as the bundler injects it), so
    // process.env is replaced by a copy with just that added, and restored after the test.
    jest.replaceProperty(process, 'env', {
      ...process.env,
      APP_CONFIG: [
        {
          data: {
            app: { title: 'OME Console Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    });

    render(App.createRoot());

    expect(
      await screen.findByRole(
        'heading',
        { name: 'OME Console Test' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Guest')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
  });
});
