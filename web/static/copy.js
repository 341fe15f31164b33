// Copy buttons of the document page (the citation). An enhancement only: without JavaScript the
// buttons stay hidden and the citation is ordinary selectable text. Loaded as a file, since the
// Content-Security-Policy allows no inline script.
'use strict';
for (const button of document.querySelectorAll('button[data-copy]')) {
  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector('.copy-status');
  if (!source) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const text = source.textContent.trim();
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      // No clipboard permission: select the text so that the reader can copy it by hand.
      const range = document.createRange();
      range.selectNodeContents(source);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    }
    if (status) status.textContent = copied ? button.dataset.copied : '';
  });
}
