import { Readable } from 'node:stream';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { ImportSourceReader } from './ImportSourceReader';

function readerOf(
  readUrl: (
    url: string,
  ) => Promise<{ buffer(): Promise<Buffer>; stream?(): Readable }>,
) {
  const calls: string[] = [];
  const urlReader = {
    readUrl: async (url: string) => {
      calls.push(url);
      return readUrl(url);
    },
  } as unknown as UrlReaderService;
  return { calls, urlReader };
}

const answering = (text: string) => async () => ({
  buffer: async () => Buffer.from(text),
  stream: () => Readable.from([Buffer.from(text)]),
});

describe('ImportSourceReader', () => {
  it('passes pasted YAML through, naming body.yaml', async () => {
    const { calls, urlReader } = readerOf(answering('unused'));
    const reader = new ImportSourceReader({ urlReader });
    await expect(reader.importText({ yaml: 'a: 1' })).resolves.toEqual({
      yaml: 'a: 1',
      field: 'body.yaml',
    });
    expect(calls).toEqual([]);
  });

  it('reads a URL through the UrlReaderService, naming the URL in later errors', async () => {
    const { calls, urlReader } = readerOf(answering('kind: X\n'));
    const reader = new ImportSourceReader({ urlReader });
    await expect(
      reader.importText({ url: 'https://git.example/runtimes.yaml' }),
    ).resolves.toEqual({
      yaml: 'kind: X\n',
      field: 'body.url (https://git.example/runtimes.yaml)',
    });
    expect(calls).toEqual(['https://git.example/runtimes.yaml']);
  });

  it('wants exactly one of yaml and url', async () => {
    const { urlReader } = readerOf(answering(''));
    const reader = new ImportSourceReader({ urlReader });
    await expect(reader.importText({})).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^body: give exactly one of yaml .* and url/,
      ),
    });
    await expect(
      reader.importText({ yaml: 'a: 1', url: 'https://x.example/a' }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('refuses what is not an http(s) URL before asking the reader', async () => {
    const { calls, urlReader } = readerOf(answering(''));
    const reader = new ImportSourceReader({ urlReader });
    await expect(reader.read('not a url')).rejects.toMatchObject({
      name: 'InputError',
      message: "body.url: 'not a url' is not a URL",
    });
    await expect(reader.read('file:///etc/passwd')).rejects.toMatchObject({
      name: 'InputError',
      message: 'body.url: only http and https URLs can be read, not file:',
    });
    expect(calls).toEqual([]);
  });

  it("turns the reader's refusal into a 400 naming body.url, and a missing file into a 404", async () => {
    const refusing = new ImportSourceReader(
      readerOf(async url => {
        throw new NotAllowedError(`Reading from '${url}' is not allowed`);
      }),
    );
    await expect(refusing.read('https://evil.example/x')).rejects.toMatchObject(
      {
        name: 'InputError',
        message:
          "body.url: Reading from 'https://evil.example/x' is not allowed",
      },
    );
    const missing = new ImportSourceReader(
      readerOf(async () => {
        throw new NotFoundError('gone');
      }),
    );
    await expect(
      missing.read('https://git.example/none'),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'body.url: nothing found at https://git.example/none',
    });
  });

  it('stops reading past the size limit', async () => {
    const reader = new ImportSourceReader({
      ...readerOf(answering('x'.repeat(100))),
      maxBytes: 10,
    });
    await expect(reader.read('https://git.example/big')).rejects.toMatchObject({
      name: 'InputError',
      message:
        'body.url: holds more than 10 bytes, the most one import may hold',
    });
  });

  it('gives up on a source that does not answer in time', async () => {
    const reader = new ImportSourceReader({
      ...readerOf(() => new Promise(() => {})),
      timeoutMs: 50,
    });
    await expect(reader.read('https://slow.example/x')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'body.url: https://slow.example/x did not answer within 50 ms',
    });
  });
});
