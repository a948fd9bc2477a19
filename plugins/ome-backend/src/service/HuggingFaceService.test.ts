import { HubTokenSecrets } from './HubTokenSecrets';
import { HuggingFaceHub } from './HuggingFaceHub';
import { HuggingFaceService } from './HuggingFaceService';
import { OmeResourceWriter } from './OmeResourceWriter';

describe('HuggingFaceService', () => {
  // Found by fuzz.integration.test.ts: inspect sent such a token as a header, fetch threw,
  // and the caller's mistake read as "the model hub could not be reached" (503).
  it('refuses a token no header can carry with a 400 naming token, before asking the hub', async () => {
    const fetchMock = jest.fn(async () => new Response('{}'));
    const service = new HuggingFaceService({
      hub: new HuggingFaceHub({
        baseUrl: 'http://hub.test',
        timeoutMs: 1000,
        maxResponseBytes: 1024,
        fetch: fetchMock as unknown as typeof fetch,
      }),
      secrets: {} as HubTokenSecrets,
      writer: {} as OmeResourceWriter,
    });
    for (const token of [
      'hf_token\r\nX-Injected: 1',
      'hf_tökén_0123',
      'hf token 0123',
      'short',
    ]) {
      await expect(
        service.inspect('org/model', undefined, token),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^token: /),
      });
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
