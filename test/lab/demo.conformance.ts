// `npm run demo` as a newcomer runs it (the built dist/lab/demo.js, on a display): Chromium opens on the lab with the
// extension, the scenarios are fired, and the CORS panel lists and diagnoses them. --screenshot makes it stop by itself.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../e2e/support/chromium';
import { ensureDisplay, type Display } from '../e2e/support/display';
import { DIST_CHROME, requireBrowser, requireBuild, ROOT, skipWithoutBrowser } from '../e2e/support/preconditions';
import { isPng } from '../e2e/support/screenshots';
import { LAB_SCENARIOS } from './scenarios';

const DEMO = resolve(ROOT, 'dist/lab/demo.js');
const SCREENSHOT = resolve(ROOT, 'reports/demo/panel.png');

describe.skipIf(skipWithoutBrowser(CHROMIUM, 'chromium'))('npm run demo', () => {
  let display: Display | undefined;
  let run: { code: number | null; stdout: string; stderr: string } = { code: null, stdout: '', stderr: '' };

  beforeAll(async () => {
    requireBrowser(CHROMIUM, 'chromium');
    requireBuild(DIST_CHROME);
    if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: run \`vite build --mode lab\` first.`);
    display = await ensureDisplay();
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    run = await new Promise((done) => {
      const child = execFile(
        process.execPath,
        [DEMO, `--screenshot=${SCREENSHOT}`],
        { env: { ...process.env, DISPLAY: display?.display }, timeout: 150_000 },
        (error, stdout, stderr) => done({ code: error ? (child.exitCode ?? 1) : 0, stdout, stderr }),
      );
    });
  }, 180_000);

  afterAll(async () => {
    await display?.stop();
  });

  it('opens Chromium on the lab, fires every scenario, and the panel diagnoses them all', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('with DevTools on the CORS panel');
    const counted = /Panel: (\d+) cross-origin requests · (\d+) blocked by CORS/.exec(run.stdout);
    expect(counted, run.stdout).not.toBeNull();
    expect(Number(counted?.[1])).toBeGreaterThanOrEqual(LAB_SCENARIOS.length);
    expect(Number(counted?.[2])).toBeGreaterThan(20);
    expect(isPng(new Uint8Array(readFileSync(SCREENSHOT)))).toBe(true);
  });

  it('says what to do instead when there is no display', async () => {
    const noDisplay = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const env = { ...process.env };
      delete env.DISPLAY;
      const child = execFile(process.execPath, [DEMO], { env, timeout: 20_000 }, (error, _stdout, stderr) =>
        done({ code: error ? child.exitCode : 0, stderr }),
      );
    });
    expect(noDisplay.code).toBe(2);
    expect(noDisplay.stderr).toContain('has no display ($DISPLAY is not set)');
    expect(noDisplay.stderr).toContain('npm run lab');
  });
});
