"""Build build/pyodide/ (the browser runtime and the calculators' wheels): `make wheels`.

The build itself is sitegen.runtime.pyodide_build (importable by the MkDocs hook and the tests); this is
its command line. Run: python tools/build_wheels.py [--force]
"""

from sitegen.runtime.pyodide_build import main

if __name__ == "__main__":
    main()
