// Instant results under a search box that has data-instant (the JSON address). The form still
// submits to the full results page; without this script nothing is lost.
(() => {
  for (const input of document.querySelectorAll("input[data-instant]")) attach(input);

  function attach(input) {
    const list = document.createElement("div");
    list.className = "instant";
    list.id = input.id + "-instant";
    list.hidden = true;
    list.setAttribute("aria-live", "polite");
    input.setAttribute("aria-controls", list.id);
    (input.closest(".search-row") || input).after(list);

    let timer = 0;
    let controller = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") list.hidden = true;
      if (event.key === "ArrowDown" && !list.hidden) {
        const first = list.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });

    async function run() {
      const q = input.value.trim();
      if (q.length < 2) {
        list.hidden = true;
        list.replaceChildren();
        return;
      }
      controller?.abort();
      controller = new AbortController();
      const params = new URLSearchParams({ q });
      const other = input.form?.querySelector("input[name=other]");
      if (other?.checked) params.set("other", "1");
      try {
        const response = await fetch(input.dataset.instant + "?" + params, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (response.ok) show(await response.json());
      } catch (error) {
        if (error.name !== "AbortError") list.hidden = true;
      }
    }

    function show(data) {
      const summary = document.createElement("p");
      summary.className = "instant-summary";
      summary.textContent = data.summary;
      const items = document.createElement("ul");
      items.className = "instant-list";
      for (const result of data.results) {
        const item = document.createElement("li");
        const link = document.createElement(result.url ? "a" : "span");
        if (result.url) link.href = result.url;
        link.className = "instant-title";
        // The server sends titles HTML-encoded, with the matched words in <mark>.
        link.innerHTML = result.title;
        const type = document.createElement("span");
        type.className = "instant-type";
        type.textContent = result.type;
        item.append(link, " ", type);
        items.append(item);
      }
      const parts = [summary];
      if (data.results.length > 0) parts.push(items);
      list.replaceChildren(...parts);
      list.hidden = false;
    }
  }
})();
