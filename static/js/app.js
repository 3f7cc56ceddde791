// Small progressive enhancements; every page works without JavaScript. No inline handlers:
// the Content-Security-Policy allows scripts from this file only.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
  for (const link of document.querySelectorAll("[data-history-back]")) {
    link.hidden = false;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      window.history.back();
    });
  }
});
