"""Stage 5, site: MkDocs glue — the hook (wiring only), the preview, theme assets, precompression,
robots.txt. Runs the stages below in order."""
