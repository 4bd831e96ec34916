import { describe, expect, it } from 'vitest';
import { progressToTarget } from './indicator.js';

describe('progress of an indicator towards its target', () => {
  it('measures the distance covered from baseline to target', () => {
    expect(progressToTarget(10, 30, 20)).toBe(50);
    expect(progressToTarget(null, 200, 50)).toBe(25);
  });
  it('works for targets that fall, and stays within 0–100', () => {
    expect(progressToTarget(40, 10, 25)).toBe(50);
    expect(progressToTarget(40, 10, 5)).toBe(100);
    expect(progressToTarget(10, 30, 2)).toBe(0);
  });
  it('has no value without a target or a measurement, and treats target = baseline as reached or not', () => {
    expect(progressToTarget(10, null, 20)).toBeNull();
    expect(progressToTarget(10, 30, null)).toBeNull();
    expect(progressToTarget(5, 5, 5)).toBe(100);
    expect(progressToTarget(5, 5, 4)).toBe(0);
  });
});
