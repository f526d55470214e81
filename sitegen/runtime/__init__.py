"""Stage 3, runtime: the calculators in the browser — the Pyodide build into build/pyodide/ with
its manifest.json, the trimmed standard library and wasm, the memory snapshot, the compressed
copies, and copying them into a built site. The only stage that runs Node."""
