// `npm run demo`: the lab, and Debian Chromium with the built extension loaded and DevTools open on the CORS panel, the
// lab's scenarios fired once so the panel has something to explain. Headful: it needs a display.
import { existsSync } from 'node:fs';
import { CHROMIUM, launchChromium } from '../e2e/support/chromium';
import { DIST_CHROME } from '../e2e/support/preconditions';
import { startLabForPeople, stopOnSignals } from './serve';

async function main(): Promise<number> {
  if (!process.env.DISPLAY) {
    console.error(
      [
        'npm run demo opens a Chromium window, and this session has no display ($DISPLAY is not set).',
        '- On a desktop, run it from a terminal of that desktop.',
        '- Over SSH, forward X (ssh -X), or run it on a virtual display you can screenshot: xvfb-run -a npm run demo.',
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
