/*
 * Mermaid loader for Material for MkDocs (included by mkdocs-mermaid2-plugin on diagram pages).
 * Material renders every `pre.mermaid` itself and fetches Mermaid from a CDN unless a global
 * `mermaid` exists: this tiny stand-in is that global and imports the self-hosted ESM build
 * (docs/javascripts/mermaid/, only the chunks of the diagram types used) on first render.
 */
(function () {
  "use strict";
  if (window.mermaid && !(window.mermaid instanceof Element)) return;
  var base = document.currentScript.src.replace(/[^/]*$/, "");
  var config = {};
  var lib = null;
  function load() {
    if (!lib) {
      lib = import(base + "mermaid/mermaid.esm.min.mjs").then(function (module) {
        module.default.initialize(config);
        return module.default;
      });
    }
    return lib;
  }
  window.mermaid = {
    initialize: function (options) {
      config = Object.assign({}, config, options);
    },
    render: function (id, text) {
      return load().then(function (m) {
        return m.render(id, text);
      });
    }
  };
})();
