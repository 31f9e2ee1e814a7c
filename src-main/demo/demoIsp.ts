// A realistic demo ISP for newcomers: three towers around Pune, a dozen plans and ~300
// subscribers in every status. Deterministic, so every demo looks the same.
import { SettingsInput, type CustomerStatus, type ParsedInput } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { NewCustomer } from '../customers/service';
import type { Services } from '../app';
import type { DbHandle } from '../db/connection';
import { writeDemoHistory } from './demoHistory';

const FIRST = [
  'Aarav',
  'Vivaan',
  'Aditya',
  'Vihaan',
  'Arjun',
  'Sai',
  'Reyansh',
  'Ayaan',
  'Krishna',
  'Ishaan',
  'Rohan',
  'Rahul',
  'Amit',
  'Sanjay',
  'Prakash',
  'Suresh',
  'Ramesh',
  'Mahesh',
  'Ganesh',
  'Nitin',
  'Sachin',
  'Vijay',
  'Anil',
  'Sunil',
  'Deepak',
  'Manoj',
  'Rajesh',
  'Ajay',
  'Vikas',
  'Yogesh',
  'Ananya',
  'Diya',
  'Saanvi',
  'Aadhya',
  'Priya',
  'Pooja',
  'Sneha',
  'Neha',
  'Kavita',
  'Sunita',
  'Anjali',
  'Meera',
  'Lakshmi',
  'Swati',
  'Shweta',
  'Asha',
  'Rekha',
  'Jyoti',
  'Madhuri',
  'Shraddha',
  'Farhan',
  'Imran',
  'Salim',
  'Zoya',
  'Gurpreet',
  'Harjeet',
  'Joseph',
  'Mary',
];
const LAST = [
  'Patil',
  'Deshmukh',
  'Kulkarni',
  'Joshi',
  'Jadhav',
  'Pawar',
  'Shinde',
  'More',
  'Gaikwad',
  'Chavan',
  'Sharma',
  'Verma',
  'Gupta',
  'Singh',
  'Kumar',
  'Reddy',
  'Nair',
  'Iyer',
  'Menon',
  'Rao',
  'Shah',
  'Mehta',
  'Desai',
  'Naik',
  'Kadam',
  'Bhosale',
  'Salunkhe',
  'Shaikh',
  'Khan',
  'Fernandes',
  'Dsouza',
  'Gill',
  'Thakur',
  'Mishra',
];
const STREETS = [
  'Laxmi Road',
  'FC Road',
  'JM Road',
  'Tilak Road',
  'Karve Road',
  'Baner Road',
  'Paud Road',
  'Solapur Road',
  'Nagar Road',
  'Satara Road',
  'Sinhagad Road',
  'MG Road',
  'Station Road',
  'Market Yard Road',
];

/** The three towers, with their access points, centre and the IP block of their static customers. */
const TOWERS = [
  {
    name: 'Shivaji Nagar',
    aps: ['SHV-AP1 North', 'SHV-AP2 South', 'SHV-AP3 East'],
    lat: 18.5308,
    lng: 73.8475,
    net: '10.11',
  },
  { name: 'Hadapsar Hill', aps: ['HDP-AP1 Sector A', 'HDP-AP2 Sector B'], lat: 18.5089, lng: 73.926, net: '10.12' },
  {
    name: 'Kharadi Tank',
    aps: ['KHR-AP1 Riverside', 'KHR-AP2 IT Park', 'KHR-AP3 Village'],
    lat: 18.5515,
    lng: 73.9348,
    net: '10.13',
  },
];
const AREAS: Record<string, string[]> = {
  'Shivaji Nagar': ['Shivajinagar', 'Deccan Gymkhana', 'Model Colony', 'Erandwane'],
  'Hadapsar Hill': ['Hadapsar', 'Magarpatta', 'Fursungi', 'Mundhwa'],
  'Kharadi Tank': ['Kharadi', 'Wagholi', 'Chandan Nagar', 'Vadgaon Sheri'],
};
const CPES = [
  'Ubiquiti LiteBeam 5AC',
  'Ubiquiti NanoStation M5',
  'MikroTik SXTsq 5',
  'MikroTik LHG 5',
  'Cambium ePMP Force 180',
  'TP-Link CPE510',
];

type PlanSeed = ParsedInput<'plans.create'>;
// RouterOS counts 1M as 1,000k, so plans do too.
const mbps = (n: number) => n * 1000;
const plan = (name: string, down: number, up: number, rupees: number, extra: Partial<PlanSeed> = {}): PlanSeed => ({
  name,
  downloadKbps: mbps(down),
  uploadKbps: mbps(up),
  burst: null,
  priceMinor: rupees * 100,
  billingPeriod: 'monthly',
  taxRateBps: 1800,
  dataCapGb: null,
  routerosProfile: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  description: '',
  ...extra,
});

export const DEMO_PLANS: PlanSeed[] = [
  plan('Home 10', 10, 5, 399, { dataCapGb: 200, description: 'Entry plan, 200 GB fair use' }),
  plan('Home 20', 20, 10, 499),
  plan('Home 30', 30, 15, 599, {
    burst: {
      downloadKbps: mbps(40),
      uploadKbps: mbps(20),
      thresholdDownloadKbps: mbps(24),
      thresholdUploadKbps: mbps(12),
      timeSec: 16,
    },
  }),
  plan('Home 50', 50, 25, 799),
  plan('Home 100', 100, 50, 1099),
  plan('Home 30 Quarterly', 30, 15, 1699, { billingPeriod: 'quarterly', description: 'Three months paid ahead' }),
  plan('Home 50 Half-yearly', 50, 25, 4499, { billingPeriod: 'half_yearly' }),
  plan('Home 50 Yearly', 50, 25, 8499, { billingPeriod: 'yearly', description: 'Two months free' }),
  plan('Business 50', 50, 50, 2499, { description: 'Symmetric, static IP' }),
  plan('Business 100', 100, 100, 4499, { description: 'Symmetric, static IP, 4h repair' }),
  plan('Student 15', 15, 5, 299, { dataCapGb: 100 }),
  plan('Old Unlimited 8', 8, 2, 350, { description: 'Legacy plan, no new sign-ups' }),
];

/** A small seeded generator (mulberry32): the same seed gives the same demo. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` plausible subscribers spread over the towers and the given plans. */
export function demoCustomers(count: number, planIds: number[], random: () => number): NewCustomer[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: NewCustomer[] = [];
  for (let i = 1; i <= count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const tower = TOWERS[i % TOWERS.length]!;
    // 7 is prime to the 3 towers, so every tower has static-IP customers.
    const isStatic = i % 7 === 0;
    const roll = random();
    const status: CustomerStatus =
      roll < 0.8 ? 'active' : roll < 0.88 ? 'suspended' : roll < 0.93 ? 'disconnected' : 'archived';
    const phone = `+91 ${pick(['98', '97', '96', '94', '93', '90', '88', '87', '70', '80'])}${String(Math.floor(random() * 1e3)).padStart(3, '0')} ${String(Math.floor(random() * 1e5)).padStart(5, '0')}`;
    const installed = new Date(Date.UTC(2021, 0, 1) + Math.floor(random() * 1700) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    out.push({
      name: `${first} ${last}`,
      // A second mobile for some; always ten digits, however many customers are made.
      phones:
        random() < 0.3
          ? [
              phone,
              `+91 ${['98', '97', '94', '90'][i % 4]}${String(i % 1000).padStart(3, '0')} ${10000 + ((i * 7919) % 90000)}`,
            ]
          : [phone],
      email: random() < 0.6 ? `${first}.${last}${i}@example.in`.toLowerCase() : null,
      address: `${1 + Math.floor(random() * 400)}, ${pick(STREETS)}, ${pick(AREAS[tower.name]!)}, Pune 4110${String(10 + (i % 60)).padStart(2, '0')}`,
      latitude: Math.round((tower.lat + (random() - 0.5) * 0.04) * 1e6) / 1e6,
      longitude: Math.round((tower.lng + (random() - 0.5) * 0.04) * 1e6) / 1e6,
      idProof: `Aadhaar XXXX XXXX ${String(1000 + Math.floor(random() * 9000))}`,
      notes: i % 17 === 0 ? 'Prefers calls after 6 pm' : '',
      connectionType: isStatic ? 'static' : 'pppoe',
      pppoeUsername: isStatic ? null : `${first}.${last}.${i}`.toLowerCase(),
      pppoePassword: isStatic ? undefined : `pw${Math.floor(random() * 1e8).toString(36)}`,
      staticIp: isStatic ? `${tower.net}.${Math.floor(i / 250)}.${(i % 250) + 2}` : null,
      macAddress: Array.from({ length: 6 }, () =>
        Math.floor(random() * 256)
          .toString(16)
          .padStart(2, '0'),
      )
        .join(':')
        .toUpperCase(),
      cpeModel: pick(CPES),
      accessPoint: pick(tower.aps),
      planId: planIds.length ? pick(planIds) : null,
      billingDay: 1 + Math.floor(random() * 28),
      installedOn: installed,
      gstin: null,
      placeOfSupply: null,
      billingStartOn: null,
      status,
    });
  }
  return out;
}

/**
 * Loads the demo ISP into an empty database in one transaction: all of it, or none if anything
 * fails. With `history`, two years of billing up to today (./demoHistory).
 */
export function loadDemoIsp(
  { services, db }: { services: Services; db: DbHandle },
  customerCount = 300,
  { history = true }: { history?: boolean } = {},
): { plans: number; customers: number } {
  try {
    return db.sqlite
      .transaction(() => {
        const summary = writeDemoIsp(services, customerCount);
        if (history) writeDemoHistory(services, db.sqlite, seededRandom(20240401));
        return summary;
      })
      .immediate();
  } catch (error) {
    // Rolled back: the services must not keep what they cached of rows that are gone.
    services.settings.forget();
    services.plans.forget();
    throw error;
  }
}

function writeDemoIsp(services: Services, customerCount: number): { plans: number; customers: number } {
  if (services.customers.count() > 0 || services.plans.list().length > 0) {
    throw new AppError('not_empty', 'The demo ISP can only be loaded into an empty database');
  }
  const random = seededRandom(20261126);
  if (!services.settings.get().configured) {
    services.settings.save(
      SettingsInput.parse({
        companyName: 'Sahyadri Wireless Broadband',
        address: 'Office 4, Shreeji Complex, FC Road, Shivajinagar, Pune 411005',
        phone: '+91 20 2553 0101',
        email: 'billing@sahyadri-wireless.example.in',
        taxId: '27AAKCS1234F1ZI',
        currency: 'INR',
        locale: 'en-IN',
        stateCode: '27',
        accountPrefix: 'SWB-',
        country: 'IN',
        timeZone: 'Asia/Kolkata',
        upiId: 'sahyadriwifi@okaxis',
        bankDetails: 'HDFC Bank, FC Road branch\nA/c 50200012345678 · IFSC HDFC0000123',
        paymentInstructions:
          'Pay at the office counter, by UPI (scan the QR code) or by bank transfer quoting your account number.',
        invoiceFooter: 'Thank you for choosing Sahyadri Wireless. Support: +91 20 2553 0101',
      }),
    );
  }
  const planIds = DEMO_PLANS.map((p) => services.plans.create(p).id);
  const retired = planIds[planIds.length - 1]!;
  const ids = services.customers.createMany(demoCustomers(customerCount, planIds, random), undefined, 'demo');
  services.plans.setStatus(retired, 'retired');
  return { plans: planIds.length, customers: ids.length };
}
