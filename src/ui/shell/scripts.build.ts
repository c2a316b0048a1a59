/**
 * The build's index.html requests its scripts after the skeleton's first frame (vite.config.ts; issue 15: Lighthouse,
 * largest contentful paint): the entry <script type="module"> and the <link rel="modulepreload">s are taken out of
 * the page and added by a small inline script at the end of <body> once a frame has been drawn (at most 100 ms later
 * where there are no frames, e.g. a background tab). Unchanged when the page has no module script.
 */
/**
 * Preload links added per task: each starts its request at once, and the first screen's dozen in one task made it a
 * 100-160 ms task in Lighthouse's mobile run, right after the first paint. A few per task, then the entry (the
 * preloads still come first). [issue 15: Lighthouse, total blocking time]
 */
const PER_TASK = 3;

export function scriptsAfterFirstFrame(html: string): string {
  const urls = { entry: '', preloads: [] as string[] };
  let out = html.replace(/\s*<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/, (_, src: string) => {
    urls.entry = src;
    return '';
  });
  out = out.replace(/\s*<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>/g, (_, href: string) => {
    urls.preloads.push(href);
    return '';
  });
  if (!urls.entry) return html;
  const script = `<script>
(function () {
  var done = false;
  var preloads = ${JSON.stringify(urls.preloads)};
  var i = 0;
  function next() {
    for (var end = i + ${PER_TASK}; i < end && i < preloads.length; i++) {
      var l = document.createElement('link');
      l.rel = 'modulepreload';
      l.crossOrigin = '';
      l.href = preloads[i];
      document.head.appendChild(l);
    }
    if (i < preloads.length) return void setTimeout(next, 0);
    var s = document.createElement('script');
    s.type = 'module';
    s.crossOrigin = '';
    s.src = ${JSON.stringify(urls.entry)};
    document.head.appendChild(s);
  }
  function go() {
    if (done) return;
    done = true;
    next();
  }
  if (typeof requestAnimationFrame === 'function')
    requestAnimationFrame(function () {
      setTimeout(go, 0);
    });
  setTimeout(go, 100);
})();
    </script>`;
  return out.replace('</body>', `  ${script}\n  </body>`);
}
