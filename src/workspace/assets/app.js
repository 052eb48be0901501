// The workspace's only script (served from /assets; the CSP allows no inline script). Pages work without
// it: forms post and the server answers with the same checks. With it, the reply's guardrails are checked
// as the person types (by the server's own guardrail code, through POST <review>/check) and the copy
// buttons work.

const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

/** Replaces the children of `region` with the violations found, or says the reply passes. */
function showViolations(region, violations) {
  region.replaceChildren();
  region.classList.toggle('clean', violations.length === 0);
  const title = document.createElement('strong');
  title.textContent = violations.length === 0 ? 'The reply passes every guardrail.' : `The reply breaks ${violations.length} guardrail${violations.length === 1 ? '' : 's'}:`;
  region.append(title);
  if (violations.length === 0) return;
  const list = document.createElement('ul');
  for (const v of violations) {
    const item = document.createElement('li');
    item.textContent = v.message;
    if (v.span) {
      const span = document.createElement('span');
      span.className = 'span';
      span.textContent = ` (“${v.span}”)`;
      item.append(span);
    }
    list.append(item);
  }
  region.append(list);
}

for (const area of document.querySelectorAll('textarea[data-check-url]')) {
  const region = document.getElementById(area.getAttribute('aria-describedby')?.split(' ').find((id) => id.startsWith('violations')) ?? 'violations');
  const override = document.querySelector('[data-override]');
  let timer;
  let seq = 0;
  const check = async () => {
    const mine = ++seq;
    try {
      const res = await fetch(area.dataset.checkUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ text: area.value }),
        credentials: 'same-origin',
      });
      if (!res.ok || mine !== seq) return;
      const body = await res.json();
      if (region) showViolations(region, body.violations);
      if (override) override.hidden = body.violations.length === 0;
    } catch {
      // Offline or the server is restarting: the checks still run when the form is posted.
    }
  };
  area.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });
}

for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy);
    const status = document.getElementById(`${button.dataset.copy}-status`);
    try {
      await navigator.clipboard.writeText(source.value ?? source.textContent);
      if (status) status.textContent = 'Copied to the clipboard.';
    } catch {
      source.select?.();
      if (status) status.textContent = 'Select the text and copy it (Ctrl+C or ⌘C).';
    }
  });
}
