import type { BillingPeriod, Plan, PlanInput } from '../../../src-shared/contract';
import { MoneyError, parseMoney, toDecimalText } from '../../../src-shared/money';
import { bpsToPercent, kbpsToSpeedText, percentToBps, speedToKbps, type SpeedUnit } from './planText';

/** The plan form as typed; converted to PlanInput (kbit/s, minor units, basis points) on save. */
export interface PlanFormValues {
  name: string;
  download: string;
  upload: string;
  speedUnit: SpeedUnit;
  burstEnabled: boolean;
  burstDownload: string;
  burstUpload: string;
  burstThresholdDownload: string;
  burstThresholdUpload: string;
  burstTime: string;
  price: string;
  billingPeriod: BillingPeriod;
  taxPercent: string;
  dataCapGb: string;
  routerosProfile: string;
  description: string;
}

export function emptyPlanValues(): PlanFormValues {
  return {
    name: '',
    download: '',
    upload: '',
    speedUnit: 'mbps',
    burstEnabled: false,
    burstDownload: '',
    burstUpload: '',
    burstThresholdDownload: '',
    burstThresholdUpload: '',
    burstTime: '8',
    price: '',
    billingPeriod: 'monthly',
    taxPercent: '18',
    dataCapGb: '',
    routerosProfile: '',
    description: '',
  };
}

export function planValues(plan: Plan, currency: string): PlanFormValues {
  const { burst } = plan;
  const burstSpeeds = burst
    ? [burst.downloadKbps, burst.uploadKbps, burst.thresholdDownloadKbps, burst.thresholdUploadKbps]
    : [];
  const speeds = [plan.downloadKbps, plan.uploadKbps, ...burstSpeeds];
  // One unit for every speed of the plan: Mbit/s only when all of them read well in it.
  const speedUnit: SpeedUnit = speeds.every((kbps) => kbpsToSpeedText(kbps).unit === 'mbps') ? 'mbps' : 'kbps';
  const text = (kbps: number) => (speedUnit === 'mbps' ? kbpsToSpeedText(kbps).text : String(kbps));
  return {
    name: plan.name,
    download: text(plan.downloadKbps),
    upload: text(plan.uploadKbps),
    speedUnit,
    burstEnabled: burst !== null,
    burstDownload: burst ? text(burst.downloadKbps) : '',
    burstUpload: burst ? text(burst.uploadKbps) : '',
    burstThresholdDownload: burst ? text(burst.thresholdDownloadKbps) : '',
    burstThresholdUpload: burst ? text(burst.thresholdUploadKbps) : '',
    burstTime: burst ? String(burst.timeSec) : '8',
    price: toDecimalText(plan.priceMinor, currency),
    billingPeriod: plan.billingPeriod,
    taxPercent: bpsToPercent(plan.taxRateBps),
    dataCapGb: plan.dataCapGb === null ? '' : String(plan.dataCapGb),
    routerosProfile: plan.routerosProfile,
    description: plan.description,
  };
}

/** Server field path -> the form input that shows its error. */
export const PLAN_ERROR_FIELDS: Record<string, keyof PlanFormValues> = {
  downloadKbps: 'download',
  uploadKbps: 'upload',
  priceMinor: 'price',
  taxRateBps: 'taxPercent',
  'burst.downloadKbps': 'burstDownload',
  'burst.uploadKbps': 'burstUpload',
  'burst.thresholdDownloadKbps': 'burstThresholdDownload',
  'burst.thresholdUploadKbps': 'burstThresholdUpload',
  'burst.timeSec': 'burstTime',
};

export function planFormErrors(serverErrors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [fullPath, message] of Object.entries(serverErrors)) {
    // plans.update wraps the input in "plan".
    const path = fullPath.replace(/^plan\./, '');
    out[PLAN_ERROR_FIELDS[path] ?? path] = message;
  }
  return out;
}

export function toPlanInput(
  values: PlanFormValues,
  currency: string,
): { input?: PlanInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const speed = (field: keyof PlanFormValues & string, text: string): number => {
    const kbps = speedToKbps(text, values.speedUnit);
    if (kbps === null) errors[field] = values.speedUnit === 'mbps' ? 'a speed like 50 or 2.5' : 'whole kbit/s like 512';
    return kbps ?? 0;
  };
  const whole = (field: keyof PlanFormValues & string, text: string): number | null => {
    if (!text.trim()) return null;
    if (!/^\d{1,9}$/.test(text.trim())) errors[field] = 'a whole number';
    return Number(text.trim());
  };

  if (!values.name.trim()) errors.name = 'is required';
  const downloadKbps = speed('download', values.download);
  const uploadKbps = speed('upload', values.upload);
  let priceMinor = 0;
  try {
    priceMinor = parseMoney(values.price, currency);
    if (priceMinor < 0) errors.price = 'cannot be negative';
  } catch (error) {
    errors.price = error instanceof MoneyError ? error.message : 'an amount like 499.00';
  }
  const taxRateBps = percentToBps(values.taxPercent);
  if (taxRateBps === null) errors.taxPercent = 'a percentage like 18 or 18.5';
  const burst = values.burstEnabled
    ? {
        downloadKbps: speed('burstDownload', values.burstDownload),
        uploadKbps: speed('burstUpload', values.burstUpload),
        thresholdDownloadKbps: speed('burstThresholdDownload', values.burstThresholdDownload),
        thresholdUploadKbps: speed('burstThresholdUpload', values.burstThresholdUpload),
        timeSec: whole('burstTime', values.burstTime) ?? 8,
      }
    : null;

  const input: PlanInput = {
    name: values.name,
    downloadKbps,
    uploadKbps,
    burst,
    priceMinor,
    billingPeriod: values.billingPeriod,
    taxRateBps: taxRateBps ?? 0,
    dataCapGb: whole('dataCapGb', values.dataCapGb),
    routerosProfile: values.routerosProfile,
    description: values.description,
  };
  return { input: Object.keys(errors).length ? undefined : input, errors };
}
