import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLogger } from '../../../src-main/shell/log';
import { tempDir } from '../helpers';

describe('fileLogger', () => {
  it('appends timestamped lines to a file it creates, and echoes them', () => {
    const file = join(tempDir(), 'logs', 'wispdesk.log');
    const echoed: string[] = [];
    const log = fileLogger(file, (line) => echoed.push(line));
    log('slow channel customers.list: 52.0 ms', null);
    log('channel customers.get failed', new Error('boom'));
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z slow channel customers\.list: 52\.0 ms$/);
    expect(lines[1]).toMatch(/channel customers\.get failed Error: boom/);
    expect(echoed).toHaveLength(2);
  });

  it('a log that cannot be written does not throw', () => {
    const dir = tempDir();
    const log = fileLogger(join(dir, 'nul\0l', 'x.log'), () => undefined);
    expect(() => log('still running', null)).not.toThrow();
  });
});
