"""`make bench`: a generated large lab, built by labbook, by plain MkDocs + Material, and by Sphinx."""
