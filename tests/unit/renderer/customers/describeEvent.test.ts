import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../../src-renderer/features/customers/detail/describeEvent';
import type { CustomerEvent } from '../../../../src-shared/contract';

const event = (kind: CustomerEvent['kind'], details: Record<string, unknown>, reason = ''): CustomerEvent => ({
  id: 1,
  at: '2026-11-27T05:00:00.000Z',
  kind,
  effectiveOn: '2026-11-27',
  reason,
  details,
});

describe('timeline entries in the operator’s words', () => {
  it('status changes, archiving and bringing back', () => {
    expect(describeEvent(event('status_changed', { from: 'active', to: 'suspended' })).title).toBe('Suspended');
    expect(
      describeEvent(
        event('status_changed', {
          from: 'active',
          to: 'archived',
          released: { staticIp: '10.0.0.5', pppoeUsername: 'ravi' },
        }),
      ),
    ).toEqual({ title: 'Archived', lines: ['Freed Static IP 10.0.0.5', 'Freed PPPoE username ravi'], color: 'gray' });
    const back = describeEvent(
      event('status_changed', { from: 'archived', to: 'active', taken: { staticIp: '10.0.0.5 (now WD-000009 Asha)' } }),
    );
    expect(back.title).toBe('Brought back as active');
    expect(back.lines).toEqual(['Not taken back: Static IP 10.0.0.5 (now WD-000009 Asha)']);
  });

  it('plan, connection and detail changes; the password change never shows a value', () => {
    expect(describeEvent(event('plan_changed', { from: { name: 'Home 20' }, to: { name: 'Biz 50' } })).title).toBe(
      'Plan: Home 20 → Biz 50',
    );
    expect(
      describeEvent(
        event('connection_changed', { changes: { staticIp: [null, '10.0.0.7'], pppoePassword: ['…', '…'] } }),
      ).lines,
    ).toEqual(['Static IP: — → 10.0.0.7', 'PPPoE password changed']);
    expect(describeEvent(event('details_changed', { changes: { phones: ['["+919822012345"]', '[]'] } })).lines).toEqual(
      ['Phones: +919822012345 → —'],
    );
  });

  it('sign-up, reveals and unreadable phones', () => {
    expect(describeEvent(event('created', { source: 'import', planName: 'Home 20' }))).toMatchObject({
      title: 'Imported',
      lines: ['Plan Home 20'],
    });
    expect(describeEvent(event('pppoe_password_revealed', {})).title).toBe('PPPoE password shown');
    expect(describeEvent(event('phone_unparsed', { phone: '98220 1234' })).lines[0]).toMatch(
      /98220 1234 could not be read/,
    );
  });
});
