"""Placeholder until the Pyodide wheel build lands."""
