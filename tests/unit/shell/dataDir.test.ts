import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src-main/shell/dataDir';

describe('defaultDataDir', () => {
  it('uses XDG_DATA_HOME when set, else ~/.local/share', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' })).toBe('/data/wispdesk');
    expect(defaultDataDir({ HOME: '/home/office' })).toMatch(/[/\\]\.local[/\\]share[/\\]wispdesk$/);
  });
});
