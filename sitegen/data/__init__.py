"""Stage 1, data: read data/ and validate it against one schema (`load`, `model`); every problem
names its file, line and field. Imports nothing of the other stages."""
