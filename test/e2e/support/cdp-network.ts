// Records every network request made anywhere in a Chromium instance (pages, DevTools frontends, extension pages
// and iframes, workers), from each target's first instruction: a separate browser-level CDP session auto-attaches to
// every target with waitForDebuggerOnStart, enables Network, and only then lets the target run.
import type { Browser, CDPSession } from 'puppeteer-core';

export interface ObservedRequest {
  /** URL of the target (page, iframe, worker) when it was attached. */
  targetUrl: string;
  targetType: string;
  /** The document that made the request, as CDP reports it. */
  documentUrl: string | undefined;
  url: string;
}

export interface NetworkRecorder {
  requests: ObservedRequest[];
  /** Targets attached so far, by type and URL (for diagnostics). */
  targets: { type: string; url: string }[];
  stop(): Promise<void>;
}

export async function recordAllNetwork(browser: Browser): Promise<NetworkRecorder> {
  const requests: ObservedRequest[] = [];
  const targets: NetworkRecorder['targets'] = [];
  const sessions: CDPSession[] = [];
  const root = await browser.target().createCDPSession();
  sessions.push(root);
  const connection = root.connection();
  if (!connection) throw new Error('CDP session without a connection');

  const autoAttach = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter: [{}] };
  const watch = (parent: CDPSession) => {
    parent.on('Target.attachedToTarget', (event) => {
      const session = connection.session(event.sessionId);
      if (!session) return;
      sessions.push(session);
      const { type, url } = event.targetInfo;
      targets.push({ type, url });
      session.on('Network.requestWillBeSent', (e) => {
        requests.push({ targetUrl: url, targetType: type, documentUrl: e.documentURL, url: e.request.url });
      });
      session.on('Network.webSocketCreated', (e) => {
        requests.push({ targetUrl: url, targetType: type, documentUrl: undefined, url: e.url });
      });
      watch(session);
      // Sent in order on the session: everything is set up before the target runs its first instruction.
      const setup = [
        session.send('Network.enable'),
        session.send('Target.setAutoAttach', autoAttach),
        session.send('Runtime.runIfWaitingForDebugger'),
      ];
      // A target may close before answering, and a tab target has no Network domain: nothing to record there.
      void Promise.allSettled(setup);
    });
  };
  watch(root);
  // At the browser level, pages are reached through their tab targets (as puppeteer does it).
  await root.send('Target.setAutoAttach', { ...autoAttach, filter: [{ type: 'page', exclude: true }, {}] });

  return {
    requests,
    targets,
    stop: async () => {
      await Promise.allSettled(sessions.map((s) => s.detach()));
    },
  };
}
