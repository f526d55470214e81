"""Stage 4, pages: the Markdown pages of the site from the dataset (sitegen.data), the calculators'
registry and the runtime's manifest read as plain data. No Node, no build."""
