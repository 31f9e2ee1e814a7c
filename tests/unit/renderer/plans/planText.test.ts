import { describe, expect, it } from 'vitest';
import { PlanInput } from '../../../../src-shared/contract';
import { emptyPlanValues, planValues, toPlanInput } from '../../../../src-renderer/features/plans/planFormValues';
import {
  bpsToPercent,
  formatSpeed,
  kbpsToSpeedText,
  percentToBps,
  speedToKbps,
} from '../../../../src-renderer/features/plans/planText';

describe('plan speeds, as RouterOS counts them (1 Mbit/s = 1,000 kbit/s)', () => {
  it('reads typed speeds without floats', () => {
    expect(speedToKbps('50', 'mbps')).toBe(50_000);
    expect(speedToKbps('2.5', 'mbps')).toBe(2_500);
    expect(speedToKbps('0.512', 'mbps')).toBe(512);
    expect(speedToKbps('512', 'kbps')).toBe(512);
    expect(speedToKbps('512.5', 'kbps')).toBeNull();
    expect(speedToKbps('fast', 'mbps')).toBeNull();
    expect(speedToKbps('-5', 'mbps')).toBeNull();
  });

  it('shows speeds the way an operator reads them', () => {
    expect(formatSpeed(50_000)).toBe('50 Mbit/s');
    expect(formatSpeed(2_500)).toBe('2.5 Mbit/s');
    expect(formatSpeed(512)).toBe('512 kbit/s');
    expect(kbpsToSpeedText(50_000)).toEqual({ text: '50', unit: 'mbps' });
    expect(kbpsToSpeedText(1_234)).toEqual({ text: '1.234', unit: 'mbps' });
    expect(kbpsToSpeedText(768)).toEqual({ text: '768', unit: 'kbps' });
  });
});

describe('tax rates in basis points', () => {
  it('converts percent text both ways exactly', () => {
    expect(percentToBps('18')).toBe(1800);
    expect(percentToBps('18.5')).toBe(1850);
    expect(percentToBps('0.05%')).toBe(5);
    expect(percentToBps('101')).toBeNull();
    expect(percentToBps('eighteen')).toBeNull();
    expect(bpsToPercent(1800)).toBe('18');
    expect(bpsToPercent(1850)).toBe('18.5');
    expect(bpsToPercent(5)).toBe('0.05');
  });
});

describe('the plan form', () => {
  it('turns what was typed into a PlanInput the contract accepts, money in paise', () => {
    const values = { ...emptyPlanValues(), name: 'Home 50', download: '50', upload: '25', price: '1,099.50' };
    const { input, errors } = toPlanInput(values, 'INR');
    expect(errors).toEqual({});
    expect(input).toMatchObject({ downloadKbps: 50_000, uploadKbps: 25_000, priceMinor: 109_950, taxRateBps: 1800 });
    expect(PlanInput.safeParse(input).success).toBe(true);
  });

  it('names each field it cannot read', () => {
    const values = { ...emptyPlanValues(), download: 'x', upload: '10', price: '4.999', taxPercent: 'lots' };
    const { input, errors } = toPlanInput(values, 'INR');
    expect(input).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['download', 'name', 'price', 'taxPercent']);
  });

  it('an existing plan fills the form and saves back unchanged', () => {
    const plan = {
      id: 1,
      name: 'Home 30',
      downloadKbps: 30_000,
      uploadKbps: 15_000,
      burst: {
        downloadKbps: 40_000,
        uploadKbps: 20_000,
        thresholdDownloadKbps: 24_000,
        thresholdUploadKbps: 12_000,
        timeSec: 16,
      },
      priceMinor: 59_900,
      billingPeriod: 'monthly' as const,
      taxRateBps: 1800,
      dataCapGb: 200,
      routerosProfile: 'home-30',
      description: '',
      status: 'active' as const,
      customerCount: 0,
      createdAt: '',
      updatedAt: '',
    };
    const { input } = toPlanInput(planValues(plan, 'INR'), 'INR');
    const { id: _id, status: _s, customerCount: _c, createdAt: _a, updatedAt: _u, ...fields } = plan;
    expect(input).toEqual(fields);
  });
});
