"""Reading a lab's files: BibTeX, YAML and the TeX inside them."""
