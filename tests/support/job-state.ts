// Where a job stands on screen, read in the page by every engine's driver when a wait gives up:
// each stage's state, whether the still is shown, the 生成 button and the status notice.
// Self-contained: it is serialised into the page.

export function jobStateInPage(): string {
  const stages = [...document.querySelectorAll<HTMLElement>('[data-testid="progress"] li')].map((li) => `${li.innerText}:${li.className}`);
  const still = document.querySelector('[data-testid="still-image"]') !== null;
  const button = document.querySelector('[data-testid="generate-button"]');
  const notice = document.querySelector<HTMLElement>('.status[role="status"]')?.innerText ?? '';
  return `stages [${stages.join(', ')}], still ${still ? 'shown' : 'not shown'}, 生成 ${button?.getAttribute('aria-busy') === 'true' ? 'busy' : 'idle'}, notice "${notice}"`;
}
