// A "Print or save as PDF" button for printable pages: shown only when this script runs.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
