// axe-core, injected from node_modules into the real page, run on the whole document as it stands.

import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type * as AxeCore from 'axe-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending nodes, with their HTML, so a failure says where. */
  nodes: string[];
}

/** The violations axe rates serious or critical. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof AxeCore };
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 160)}`) }));
  });
}
