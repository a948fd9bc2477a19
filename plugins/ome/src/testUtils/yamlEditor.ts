import { act } from 'react';
import { EditorView } from '@codemirror/view';

/** The CodeMirror view of a YAML editor (its wrapper, or its labelled content element). */
function viewOf(element: HTMLElement): EditorView {
  const view = EditorView.findFromDOM(element);
  if (!view) throw new Error('not a YAML editor');
  return view;
}

/** The text of a YAML editor. */
export function yamlEditorText(element: HTMLElement): string {
  return viewOf(element).state.doc.toString();
}

/** Replaces the whole text of a YAML editor, as typing would (the editor's onChange runs). */
export function setYamlEditorText(element: HTMLElement, text: string) {
  const view = viewOf(element);
  act(() => {
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      userEvent: 'input.paste',
    });
  });
}
