// Disaggregations match only when they name the same people; unset dimensions do not count.
import { describe, expect, it } from 'vitest';
import {
  disaggregationKey,
  isSameDisaggregation,
  isTotal,
  normaliseDisaggregation,
} from './disaggregation.js';

describe('disaggregations', () => {
  it('keys all people, one dimension and both', () => {
    expect(disaggregationKey({})).toBe('all');
    expect(disaggregationKey({ age: 'children' })).toBe('age=children');
    expect(disaggregationKey({ age: 'children', sex: 'female' })).toBe('sex=female|age=children');
  });

  it('treats an unset dimension as absent', () => {
    expect(isSameDisaggregation({ sex: undefined }, {})).toBe(true);
    expect(isTotal({ sex: undefined, age: undefined })).toBe(true);
    expect(normaliseDisaggregation({ sex: 'male', age: undefined })).toEqual({ sex: 'male' });
  });

  it('keeps women apart from girls', () => {
    expect(isSameDisaggregation({ sex: 'female' }, { sex: 'female', age: 'children' })).toBe(false);
  });
});
