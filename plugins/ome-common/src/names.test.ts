import {
  INFERENCE_SERVICE_NAME_MAX_LENGTH,
  validateNamespaceName,
  validateOmeName,
} from './names';

describe('validateOmeName', () => {
  it('accepts DNS-1123 subdomains for custom resources', () => {
    expect(
      validateOmeName('ClusterBaseModel', 'llama-3.1-8b-instruct'),
    ).toBeUndefined();
    expect(
      validateOmeName('ClusterServingRuntime', 'srt-llama-3-1-8b'),
    ).toBeUndefined();
    expect(
      validateOmeName('AcceleratorClass', 'a'.repeat(253)),
    ).toBeUndefined();
  });

  it('rejects other names with a readable message', () => {
    expect(validateOmeName('BaseModel', 'My_Model')).toMatch(
      /must be a DNS-1123 subdomain/,
    );
    expect(validateOmeName('BaseModel', '-x')).toMatch(/DNS-1123/);
    expect(validateOmeName('BaseModel', 'a'.repeat(254))).toMatch(
      /at most 253/,
    );
    expect(validateOmeName('BaseModel', '')).toBe('is required');
    expect(validateOmeName('BaseModel', undefined)).toBe('is required');
    expect(validateOmeName('BaseModel', 42)).toBe('must be a string');
  });

  it('requires a short DNS-1035 label for InferenceServices', () => {
    expect(INFERENCE_SERVICE_NAME_MAX_LENGTH).toBe(55);
    expect(validateOmeName('InferenceService', 'llama-3-1-8b')).toBeUndefined();
    expect(validateOmeName('InferenceService', 'llama.3')).toMatch(/DNS-1035/);
    expect(validateOmeName('InferenceService', '3-llama')).toMatch(
      /start with a letter/,
    );
    expect(validateOmeName('InferenceService', 'a'.repeat(55))).toBeUndefined();
    expect(validateOmeName('InferenceService', 'a'.repeat(56))).toMatch(
      /at most 55 characters.*-decoder/,
    );
  });
});

describe('validateNamespaceName', () => {
  it('checks DNS-1123 labels', () => {
    expect(validateNamespaceName('team-a')).toBeUndefined();
    expect(validateNamespaceName('0team')).toBeUndefined();
    expect(validateNamespaceName('team.a')).toMatch(/DNS-1123 label/);
    expect(validateNamespaceName('a'.repeat(64))).toMatch(/at most 63/);
    expect(validateNamespaceName(null)).toBe('is required');
  });
});
