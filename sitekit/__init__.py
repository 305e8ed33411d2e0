"""What the project's commands (``python -m scripts``, ``make pdf``) and its tests share: the pages as MkDocs
defines them, a build, a local server that serves the site as GitHub Pages does, Chromium tabs, a reader's
visit and the search box. Nothing here imports the tests."""
