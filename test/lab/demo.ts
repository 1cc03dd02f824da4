// `npm run demo`: the lab, and Debian Chromium with the built extension loaded and DevTools open on the CORS panel, the
// lab's scenarios fired once so the panel has something to explain. Headful: it needs a display.
import { existsSync, writeFileSync } from 'node:fs';
import { panelRowsExpression, pollUntil, type PanelRow } from '../e2e/support/browser';
import { CHROMIUM, launchChromium } from '../e2e/support/chromium';
import { DIST_CHROME } from '../e2e/support/preconditions';
import { startLabForPeople, stopOnSignals } from './serve';

/** `--screenshot=<file>`: once the panel lists every scenario, save a PNG of DevTools there and stop. */
const SCREENSHOT = process.argv.find((a) => a.startsWith('--screenshot='))?.slice('--screenshot='.length);

async function main(): Promise<number> {
  if (!process.env.DISPLAY) {
    console.error(
      [
        'npm run demo opens a Chromium window, and this session has no display ($DISPLAY is not set).',
        '- On a desktop, run it from a terminal of that desktop.',
        '- Over SSH, forward X (ssh -X). On a virtual display (xvfb-run -a npm run demo -- --screenshot=demo.png) it',
        '  runs unseen, and --screenshot saves a picture of the panel once the scenarios are in, then stops.',
        '- Or run `npm run lab` and open the URL it prints in your own browser, with the extension loaded',
        '  (chrome://extensions → Load unpacked → dist/chrome; Firefox: about:debugging → Load Temporary Add-on →',
        '  dist/firefox/manifest.json).',
      ].join('\n'),
    );
    return 2;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} is not installed: sudo apt-get install -y chromium (or run \`npm run lab\`).`);
    return 2;
  }
  if (!existsSync(`${DIST_CHROME}/manifest.json`)) {
    console.error(`${DIST_CHROME} is missing: run \`npm run build\` first (\`npm run demo\` does).`);
    return 2;
  }
  const lab = await startLabForPeople();
  const chromium = await launchChromium({
    extensionDir: DIST_CHROME,
    display: process.env.DISPLAY,
    handleSignals: false,
  });
  const done = new Promise<void>((resolve) => chromium.browser.once('disconnected', () => resolve()));
  stopOnSignals(async () => {
    await chromium.browser.close().catch(() => undefined);
  });
  await chromium.showPanel();
  await chromium.page.goto(lab.pageUrl);
  // Every scenario once, as the "fire them all" button does: the panel fills with diagnoses to explore.
  await chromium.page.evaluate(`document.getElementById('run-all').click()`);
  console.log(
    [
      '',
      `Chromium is open on the CORS lab, ${lab.pageUrl}, with DevTools on the CORS panel.`,
      `All ${lab.scenarios.length} scenarios have been fired once: select a row in the panel to read why the browser`,
      'blocked or allowed it, the evidence, and the fix for Express, Fastify or nginx. Fire any scenario again from',
      'the page; each card says what is wrong and shows the server set-up.',
      '',
      'Close the browser window or press Ctrl+C to stop the lab.',
    ].join('\n'),
  );
  if (SCREENSHOT) {
    await chromium.page.waitForSelector('body[data-ran-all]', { timeout: 120_000 });
    // The list is virtualized: it renders the rows in view, so wait for its summary line to count every request.
    const summary = await pollUntil(
      async () => String(await chromium.inPanel(`document.querySelector('.cd-summary')?.textContent ?? ''`)),
      (text) => Number(/(\d+) cross-origin requests/.exec(text)?.[1] ?? 0) >= lab.scenarios.length,
      30_000,
    );
    const rows = (await chromium.inPanel(panelRowsExpression('document'))) as PanelRow[];
    const shot = await chromium.frontendSession.send('Page.captureScreenshot', { format: 'png' });
    writeFileSync(SCREENSHOT, Buffer.from(shot.data, 'base64'));
    console.log(`Panel: ${summary} (${rows.length} rows in view). Screenshot: ${SCREENSHOT}`);
    await chromium.browser.close();
  }
  await done;
  await chromium.close();
  await lab.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
