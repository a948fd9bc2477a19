import '@testing-library/jest-dom';

// The CI machines are small and shared: rendering a Backstage page can take longer than
// jest's 5 s default there. This is a hang guard, not a performance assertion.
jest.setTimeout(60_000);

// CodeMirror (the YAML editor) measures text through Range geometry, which jsdom leaves out;
// without layout every rectangle is empty.
if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  const empty = () => {
    const list: DOMRect[] = [];
    return Object.assign(list, { item: (i: number) => list[i] ?? null }) as unknown as DOMRectList;
  };
  Range.prototype.getClientRects = empty;
  Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
}
