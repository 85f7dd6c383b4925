import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aMentee, aMentor } from '../../fixtures/matching/builders';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, 'tests/fixtures/matching');

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/matching/cli.ts'), ...args],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type CliOutput = {
  pairs: {
    mentorId: string;
    menteeId: string;
    score: number;
    reasons: { code: string; en: string; fr: string }[];
  }[];
  unmatched: { id: string; reasons: { code: string }[] }[];
  totalScore: number;
  upperBound: number;
  elapsedMs: number;
};

describe('npm run match', { timeout: 30_000, concurrent: true }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'match-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the pairs, the unmatched people, the total score and its bound for a JSON file', async () => {
    const { code, stdout } = await runCli([join(fixtures, 'small-cohort.json')]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as CliOutput;
    expect(out.pairs.map((p) => [p.mentorId, p.menteeId])).toEqual([['lea', 'marc']]);
    expect(out.pairs[0]!.reasons[0]!.en).toBe(
      'Léa teaches Power BI (4/5), which Marc wants to learn',
    );
    expect(out.unmatched.map((u) => u.id)).toEqual(['akiko', 'john', 'sophie']);
    expect(out.totalScore).toBe(out.pairs[0]!.score);
    expect(out.upperBound).toBe(out.totalScore);
    expect(out.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('reads the documented CSV layout and writes --out', async () => {
    const file = join(dir, 'result.json');
    const { code, stderr } = await runCli([join(fixtures, 'small-cohort.csv'), '--out', file]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/1 pairs, 1 unmatched/);
    const out = JSON.parse(await readFile(file, 'utf8')) as CliOutput;
    expect(out.pairs.map((p) => [p.mentorId, p.menteeId])).toEqual([['lea', 'marc']]);
  });

  it('accepts a bare array of participants', async () => {
    const file = join(dir, 'bare.json');
    await writeFile(file, JSON.stringify([aMentor({ id: 'lea' }), aMentee({ id: 'marc' })]));
    const { code, stdout } = await runCli([file]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as CliOutput).pairs).toHaveLength(1);
  });

  it('names the record and the field of a bad JSON record and exits non-zero', async () => {
    const { code, stdout, stderr } = await runCli([join(fixtures, 'bad-level.json')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'participants[1] (id "marc"), field learns[0].level: level must be from 1 to 5',
    );
  });

  it('names the row and the column of a bad CSV cell and exits non-zero', async () => {
    const { code, stderr } = await runCli([join(fixtures, 'bad-availability.csv')]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'row 2 (line 3) (id "marc"), column availability: "tuesday morning" is not "day HH:MM-HH:MM"',
    );
  });

  it('rejects an unknown field and a bad time zone, naming each', async () => {
    const file = join(dir, 'typo.json');
    await writeFile(
      file,
      JSON.stringify({
        participants: [
          aMentor({ id: 'lea', timeZone: 'Paris' }),
          { ...aMentee({ id: 'marc' }), teach: [] },
        ],
      }),
    );
    const { code, stderr } = await runCli([file]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'participants[0] (id "lea"), field timeZone: timeZone must be an IANA time zone',
    );
    expect(stderr).toContain('participants[1] (id "marc"), field keys: Unrecognized key: "teach"');
  });

  it('explains its usage when the file is missing', async () => {
    const { code, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run match');
  });
});
