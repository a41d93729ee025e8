// The ZIP writer, read back by Info-ZIP's unzip (a real, independent reader).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, writeZip } from '../../../../src/core/encode/zip.ts';

describe('writeZip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes an archive unzip lists, tests and extracts byte for byte, UTF-8 names included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zip-'));
    const files = [
      { name: 'main/01.gif', bytes: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 255) },
      { name: '表情/说明.txt', bytes: new TextEncoder().encode('开心大笑\n') },
      { name: 'empty.bin', bytes: new Uint8Array() },
    ];
    const zip = path.join(dir, 'pack.zip');
    writeFileSync(zip, writeZip(files, new Date(2026, 10, 24, 12, 30, 10)));
    expect(execFileSync('unzip', ['-tq', zip]).toString()).toMatch(/No errors detected/);
    const listing = execFileSync('unzip', ['-Z1', zip]).toString().trim().split('\n');
    expect(listing).toEqual(files.map((f) => f.name));
    execFileSync('unzip', ['-q', zip, '-d', path.join(dir, 'out')]);
    for (const f of files) expect(new Uint8Array(readFileSync(path.join(dir, 'out', f.name)))).toEqual(f.bytes);
  });
});
