import { useMemo, useState } from 'react';
import {
  applyFormValues,
  chooseConflictValue,
  formSupport,
  KubernetesObject,
  OmeEditConflict,
  OmeKind,
  readFormValues,
  rebaseEdits,
} from '@ome-console/plugin-ome-common';
import { parseYamlEdit, toYaml } from '../../editing/yaml';
import { safely } from '../common/format';
import { YamlProblems } from '../common/YamlEditor';

/** How the draft is edited: the form of common fields, or the whole object as YAML. */
export type DraftMode = 'form' | 'yaml';

const UNREADABLE = { ok: false, reasons: ['The form could not read this object'] };

/** A conflict after re-applying the user's edits, and which side is in the draft now. */
export interface DraftConflict extends OmeEditConflict {
  chosen: 'theirs' | 'mine';
}

/**
 * The object being edited and everything about how it is edited: the object it started from
 * (`original`, what a save is checked against), the draft, the form/YAML mode and the YAML
 * text with its problems, and, after a 409, the fields both the user and the other writer
 * changed. Form edits and YAML edits change the same draft.
 */
export function useResourceDraft(kind: OmeKind, initial: KubernetesObject) {
  const [original, setOriginal] = useState<KubernetesObject>(initial);
  const [draft, setDraftState] = useState<KubernetesObject>(initial);
  const [mode, setMode] = useState<DraftMode>(() =>
    safely(() => formSupport(kind, initial), UNREADABLE).ok ? 'form' : 'yaml',
  );
  const [formBlocked, setFormBlocked] = useState<string[]>(() => {
    const support = safely(() => formSupport(kind, initial), UNREADABLE);
    return support.ok ? [] : support.reasons;
  });
  const [yamlText, setYamlText] = useState<string>(() => safely(() => toYaml(initial), ''));
  const [yamlProblems, setYamlProblems] = useState<YamlProblems>({});
  const [conflicts, setConflicts] = useState<DraftConflict[]>([]);

  const formValues = useMemo(
    () => safely(() => readFormValues(kind, draft), {} as Record<string, unknown>),
    [kind, draft],
  );

  /** A change from outside the YAML text (form, pickers, conflicts): the text follows. */
  const replaceDraft = (next: KubernetesObject) => {
    setDraftState(next);
    if (mode === 'yaml') setYamlText(current => safely(() => toYaml(next), current));
  };

  const setFormValue = (id: string, value: unknown) =>
    replaceDraft(safely(() => applyFormValues(kind, draft, { ...formValues, [id]: value }), draft));

  const setYaml = (text: string) => {
    setYamlText(text);
    const parsed = safely(() => parseYamlEdit(text, original), {
      error: { message: 'Could not parse the YAML' },
      typeWarnings: [],
    } as ReturnType<typeof parseYamlEdit>);
    setYamlProblems({ error: parsed.error, typeWarnings: parsed.typeWarnings });
    if (!parsed.error && parsed.value && typeof parsed.value === 'object') {
      setDraftState(parsed.value as KubernetesObject);
    }
  };

  const switchMode = (next: DraftMode) => {
    if (next === mode) return;
    if (next === 'yaml') {
      setYamlText(current => safely(() => toYaml(draft), current));
      setYamlProblems({});
      setMode('yaml');
      return;
    }
    if (yamlProblems.error) return; // fix the YAML first
    const support = safely(() => formSupport(kind, draft), UNREADABLE);
    setFormBlocked(support.ok ? [] : support.reasons);
    if (support.ok) setMode('form');
  };

  /**
   * After a 409: the user's own edits (original → draft) re-applied onto the live object,
   * so the other writer's changes stay; where both changed a field, the live value is kept
   * until the user picks a side with {@link choose}.
   */
  const rebaseOnto = (live: KubernetesObject) => {
    const rebased = rebaseEdits(original, draft, live);
    setOriginal(live);
    replaceDraft(rebased.object);
    setConflicts(rebased.conflicts.map(c => ({ ...c, chosen: 'theirs' })));
  };

  const choose = (path: string, side: 'theirs' | 'mine') => {
    const conflict = conflicts.find(c => c.path === path);
    if (!conflict || conflict.chosen === side) return;
    replaceDraft(chooseConflictValue(draft, conflict, side));
    setConflicts(conflicts.map(c => (c.path === path ? { ...c, chosen: side } : c)));
  };

  return {
    original,
    draft,
    replaceDraft,
    formValues,
    setFormValue,
    mode,
    switchMode,
    formBlocked,
    yamlText,
    yamlProblems,
    setYaml,
    conflicts,
    rebaseOnto,
    choose,
  };
}

/** What {@link useResourceDraft} returns. */
export type ResourceDraft = ReturnType<typeof useResourceDraft>;
