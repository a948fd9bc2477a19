// The YAML editor is CodeMirror 6: a contenteditable, not a textarea. Browser tests read its
// lines and replace its text the way a user does (select all, then type or paste).

/** The editor's text (every line is rendered for the short objects these tests edit). */
export async function codeEditorText(editor) {
  const lines = await editor.locator('.cm-line').evaluateAll(els => els.map(el => el.textContent ?? ''));
  return `${lines.join('\n')}\n`;
}

/** Replaces the editor's whole text. */
export async function fillCodeEditor(page, editor, text) {
  await editor.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}
