import { describe, expect, it } from 'vitest';
import { customerCount, freshApp, refused } from '../helpers';

// What a Windows-1252 file becomes when read as UTF-8 without a check: "José" as "Jos\uFFFD".
const MANGLED = 'name,pppoe_username\nJos\uFFFD Rao,jose\nAsha,asha\n';

describe('an import whose text is not UTF-8', () => {
  it.each(['customers.importPreview', 'customers.importCommit'])(
    'is refused by %s, saying what to do',
    async (channel) => {
      const app = freshApp();
      const error = await refused(app, channel, { csv: MANGLED, mapping: { name: 0, pppoeUsername: 1 } });
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/not UTF-8/);
      expect(error.message).toMatch(/CSV UTF-8/);
      expect(customerCount(app)).toBe(0);
    },
  );
});
