// The GST state codes: the first two digits of a GSTIN, and a customer's place of supply.
// As the GST portal lists them, old codes included so older GSTINs still read.
export const GST_STATES: readonly { code: string; name: string }[] = [
  { code: '01', name: 'Jammu and Kashmir' },
  { code: '02', name: 'Himachal Pradesh' },
  { code: '03', name: 'Punjab' },
  { code: '04', name: 'Chandigarh' },
  { code: '05', name: 'Uttarakhand' },
  { code: '06', name: 'Haryana' },
  { code: '07', name: 'Delhi' },
  { code: '08', name: 'Rajasthan' },
  { code: '09', name: 'Uttar Pradesh' },
  { code: '10', name: 'Bihar' },
  { code: '11', name: 'Sikkim' },
  { code: '12', name: 'Arunachal Pradesh' },
  { code: '13', name: 'Nagaland' },
  { code: '14', name: 'Manipur' },
  { code: '15', name: 'Mizoram' },
  { code: '16', name: 'Tripura' },
  { code: '17', name: 'Meghalaya' },
  { code: '18', name: 'Assam' },
  { code: '19', name: 'West Bengal' },
  { code: '20', name: 'Jharkhand' },
  { code: '21', name: 'Odisha' },
  { code: '22', name: 'Chhattisgarh' },
  { code: '23', name: 'Madhya Pradesh' },
  { code: '24', name: 'Gujarat' },
  { code: '25', name: 'Daman and Diu (old code)' },
  { code: '26', name: 'Dadra and Nagar Haveli and Daman and Diu' },
  { code: '27', name: 'Maharashtra' },
  { code: '28', name: 'Andhra Pradesh (old code)' },
  { code: '29', name: 'Karnataka' },
  { code: '30', name: 'Goa' },
  { code: '31', name: 'Lakshadweep' },
  { code: '32', name: 'Kerala' },
  { code: '33', name: 'Tamil Nadu' },
  { code: '34', name: 'Puducherry' },
  { code: '35', name: 'Andaman and Nicobar Islands' },
  { code: '36', name: 'Telangana' },
  { code: '37', name: 'Andhra Pradesh' },
  { code: '38', name: 'Ladakh' },
  { code: '97', name: 'Other Territory' },
];

export const GST_STATE_CODES = GST_STATES.map((s) => s.code) as [string, ...string[]];

export function gstStateName(code: string): string | undefined {
  return GST_STATES.find((s) => s.code === code)?.name;
}

const letters = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/** A state as a spreadsheet writes it: "27", "7", "Maharashtra" or "27-Maharashtra". Null if unknown. */
export function gstStateCode(text: string): string | null {
  const typed = text.trim();
  const code = /^(\d{1,2})\b/.exec(typed)?.[1]?.padStart(2, '0');
  if (code) return GST_STATES.some((s) => s.code === code) ? code : null;
  const name = letters(typed);
  return GST_STATES.find((s) => letters(s.name) === name)?.code ?? null;
}
