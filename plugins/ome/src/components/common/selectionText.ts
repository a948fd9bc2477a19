/** Words the runtime-selection sections share. */

const FIELD_LABELS: Record<string, string> = {
  modelFormat: 'format',
  modelArchitecture: 'architecture',
  modelFramework: 'framework',
  modelParameterSize: 'parameter size',
};

/** "format and architecture" for the fields a model lacks. */
export function unknownFieldsText(fields: readonly string[]): string {
  const words = fields.map(f => FIELD_LABELS[f] ?? f);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What the missing fields mean for selection, in OME's terms. */
export function unknownFieldsConsequence(fields: readonly string[]): string {
  if (fields.includes('modelFormat')) {
    return 'Until the format is known OME selects no runtime for this model: a service must name one, and OME still checks it.';
  }
  if (fields.includes('modelArchitecture')) {
    return "Runtimes that name an architecture (all of OME's catalog runtimes do) do not match until it is known.";
  }
  return 'Runtimes that require these fields do not match until they are known.';
}

/** A short verdict for a runtime's row. */
export function verdictOf(c: {
  rank?: number;
  compatible: boolean;
  selectable: boolean;
}): string {
  if (c.rank === 1) return 'Selected';
  if (c.selectable) return `Ranked ${c.rank}`;
  if (c.compatible) return 'Only if named';
  return 'Excluded';
}
