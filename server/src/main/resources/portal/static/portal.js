// Progressive enhancement only: every form works without this file.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
document.addEventListener("click", (event) => {
  const id = event.target.dataset && event.target.dataset.copy;
  if (id && navigator.clipboard) {
    navigator.clipboard.writeText(document.getElementById(id).textContent);
    event.target.textContent = "Copied";
  }
});
